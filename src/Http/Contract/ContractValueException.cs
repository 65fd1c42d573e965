using System.Text.Json;

namespace Energy.Http.Contract;

/// <summary>
/// A value our converters refused, with a message a person can act on ("must be a number").
/// System.Text.Json fills in <see cref="JsonException.Path"/> on the way out, so the edge can name the
/// field; a converter cannot know it.
/// </summary>
public sealed class ContractValueException : JsonException
{
    public ContractValueException() { }

    public ContractValueException(string message) : base(message) { }

    public ContractValueException(string message, Exception innerException) : base(message, innerException) { }
}
