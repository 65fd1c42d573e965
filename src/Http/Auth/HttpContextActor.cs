using System.Globalization;
using System.Security.Claims;
using Energy.Application.Common;

namespace Energy.Http.Auth;

public static class HttpContextActor
{
    public const string AdminClaim = "energy:admin";

    /// <summary>The logged-in caller as the application sees it; 4101 when nobody is logged in.</summary>
    public static Actor Actor(this HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            throw ContractError.NotLoggedIn();
        }

        return new Actor(
            long.Parse(id, CultureInfo.InvariantCulture),
            user.FindFirstValue(ClaimTypes.Name) ?? id,
            user.HasClaim(AdminClaim, "1"),
            context.TraceIdentifier);
    }
}
