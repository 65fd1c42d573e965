namespace Energy.Http.Contract.OpenApi;

/// <summary>
/// Endpoint metadata: a body the endpoint reads by hand (raw bytes, a form, an id beside the query), which the
/// framework cannot see. Deliberately not <c>IAcceptsMetadata</c>: routing matches on that and would refuse other
/// content types with a bare 415, where these endpoints answer with their own envelope.
/// </summary>
public sealed record SeedRequestBody(Type Type, string ContentType, bool Required, string Description);
