using Microsoft.AspNetCore.Http.Metadata;

namespace Energy.Http.Contract.OpenApi;

/// <summary>
/// Endpoint metadata: one response an endpoint writes, in the framework's own response-type shape, so any
/// API description provider that reads <see cref="IProducesResponseTypeMetadata"/> shows it with its schema.
/// </summary>
public sealed class SeedResponse(int statusCode, Type? type, string description, params string[] contentTypes)
    : IProducesResponseTypeMetadata
{
    public int StatusCode => statusCode;

    public Type? Type => type;

    public IEnumerable<string> ContentTypes => contentTypes;

    public string? Description => description;
}
