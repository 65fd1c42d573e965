namespace Energy.Http.Contract.OpenApi;

/// <summary>
/// Endpoint metadata: the endpoint takes no login itself but reads one when sent (registration: the first user
/// registers freely, later ones need an administrator's session).
/// </summary>
public sealed class OptionalLogin
{
    public static OptionalLogin Instance { get; } = new();

    private OptionalLogin() { }
}
