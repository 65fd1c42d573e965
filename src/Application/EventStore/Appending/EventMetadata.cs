namespace Energy.Application.EventStore;

/// <summary>Who and what caused an event; stored beside it, never inside its data.</summary>
public sealed record EventMetadata(
    string? CorrelationId = null,
    string? CausationId = null,
    string? UserName = null,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public static readonly EventMetadata None = new();
}
