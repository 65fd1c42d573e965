using Energy.Http.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Energy.Http.Contract.OpenApi;

/// <summary>Which login an endpoint asks for, read from its authorization metadata.</summary>
public enum EndpointLogin
{
    /// <summary>No login (the login itself, the vendor's signed webhooks, health probes).</summary>
    None,

    /// <summary>Read when sent, not required (<see cref="OptionalLogin"/>).</summary>
    Optional,

    /// <summary>Any logged-in user.</summary>
    User,

    /// <summary>An administrator (<see cref="AuthPolicies.Admin"/>).</summary>
    Admin,
}

/// <summary>Reads <see cref="EndpointLogin"/> off an endpoint's metadata.</summary>
public static class EndpointLogins
{
    public static EndpointLogin Of(IEnumerable<object> metadata)
    {
        var items = metadata as IReadOnlyCollection<object> ?? metadata.ToList();
        var authorize = items.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0 || items.OfType<IAllowAnonymous>().Any())
        {
            return items.OfType<OptionalLogin>().Any() ? EndpointLogin.Optional : EndpointLogin.None;
        }

        return authorize.Any(a => a.Policy == AuthPolicies.Admin) ? EndpointLogin.Admin : EndpointLogin.User;
    }
}
