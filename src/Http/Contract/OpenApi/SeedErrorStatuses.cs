namespace Energy.Http.Contract.OpenApi;

/// <summary>
/// Endpoint metadata: error statuses an endpoint answers beyond those <see cref="ErrorResponseTransformer"/> gives
/// every endpoint of its kind (429 on login, 503 on the vendor's webhooks, …).
/// </summary>
public sealed record SeedErrorStatuses(IReadOnlyList<int> Statuses);
