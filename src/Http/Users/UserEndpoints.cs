using System.Globalization;
using Energy.Application.Common;
using Energy.Application.Users;
using Energy.Http.Auth;
using Energy.Http.Contract;

namespace Energy.Http.Users;

/// <summary>Seed 1.1–1.5: login, logout, registration and profiles.</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth");
        auth.MapPost("/", LoginAsync);
        auth.MapDelete("/", LogoutAsync).RequireAuthorization();

        var users = app.MapGroup("/api/users");
        users.MapPost("/", RegisterAsync);
        users.MapPut("/", UpdateAsync).RequireAuthorization();
        users.MapGet("/", GetAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> LoginAsync(LoginRequest body, HttpContext context, LoginHandler handler, CancellationToken ct)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var session = await handler.LoginAsync(body.Name, body.Password, address, ct);
        context.Response.Cookies.Append(SessionAuthenticationHandler.CookieName, session.Token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Expires = session.ExpiresAt,
        });
        return Envelope.Single(new LoginAnswer(session.Name, session.UserId.ToString(CultureInfo.InvariantCulture), session.Token));
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, LoginHandler handler, CancellationToken ct)
    {
        var session = Guid.Parse(context.User.FindFirst(SessionAuthenticationHandler.SessionClaim)!.Value);
        await handler.LogoutAsync(context.Actor(), session, ct);
        context.Response.Cookies.Delete(SessionAuthenticationHandler.CookieName);
        return Envelope.Ok();
    }

    private static async Task<IResult> RegisterAsync(UserRequest body, HttpContext context, RegisterUserHandler handler, CancellationToken ct)
    {
        var caller = context.User.Identity?.IsAuthenticated == true ? context.Actor() : null;
        return Envelope.Created(await handler.HandleAsync(body.ToInput(), caller, ct));
    }

    private static async Task<IResult> UpdateAsync(UserRequest body, HttpContext context, UpdateUserHandler handler, CancellationToken ct)
    {
        var id = body.Id ?? throw ContractError.BadParameter("id", "the id of the user to update");
        await handler.HandleAsync(id, body.ToInput(), context.Actor(), ct);
        return Envelope.Ok();
    }

    private static async Task<IResult> GetAsync(HttpContext context, UserQueries users, CancellationToken ct)
    {
        var caller = context.Actor();
        var id = Query.OptionalInt(context, "id") is { } asked ? asked : caller.UserId;
        if (id != caller.UserId && !caller.IsAdmin)
        {
            throw ContractError.NoPermission("only an administrator may read another user's profile");
        }

        var user = await users.ByIdAsync(id, ct) ?? throw ContractError.NotFound("user", id);
        return Envelope.Single(UserAnswer.From(user));
    }
}
