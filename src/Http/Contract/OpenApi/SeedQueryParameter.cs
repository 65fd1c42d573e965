namespace Energy.Http.Contract.OpenApi;

/// <summary>
/// Endpoint metadata: a query parameter the endpoint reads by hand through <see cref="Query"/>, under the seed's
/// name. The framework cannot see those reads, so the endpoint declares them and
/// <see cref="SeedQueryTransformer"/> writes them into the document.
/// </summary>
public sealed record SeedQueryParameter(string Name, SeedType Type, bool Required, string? Description);
