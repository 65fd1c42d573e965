namespace Energy.Http.Contract.OpenApi;

/// <summary>
/// A feature of the API (one <c>*Endpoints</c> class): the tag its operations carry in the document and what
/// the tag covers. Kept as endpoint metadata so <see cref="FeatureTagTransformer"/> can describe the tag.
/// </summary>
public sealed record ApiFeature(string Name, string Description);
