using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Energy.Application.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Energy.Http.Auth;

/// <summary>
/// Authenticates by session token, from <c>Authorization: Bearer …</c> or the HttpOnly session cookie
/// (CONTRACT §3). The token is looked up by its hash on every request, so a logout works at once everywhere.
/// Challenges and refusals are left as bare 401/403; the contract edge turns them into 4101/4105 envelopes.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserQueries users) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "EnergySession";
    public const string CookieName = "energy_session";
    public const string SessionClaim = "energy:session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenOf(Request);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        var session = await users.SessionAsync(Sessions.HashOf(token), Context.RequestAborted);
        if (session is null)
        {
            return AuthenticateResult.Fail("unknown or ended session");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, session.UserId.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, session.Name),
                new Claim(HttpContextActor.AdminClaim, session.IsAdmin ? "1" : "0"),
                new Claim(SessionClaim, session.SessionId.ToString()),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request.Cookies.TryGetValue(CookieName, out var cookie) && cookie.Length > 0 ? cookie : null;
    }
}
