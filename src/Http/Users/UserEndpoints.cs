using System.Globalization;
using Energy.Application.Common;
using Energy.Application.Users;
using Energy.Http.Auth;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;

namespace Energy.Http.Users;

/// <summary>Seed 1.1–1.5: login, logout, registration and profiles.</summary>
public static class UserEndpoints
{
    private static readonly ApiFeature Feature = new("Users", "Seed 1.1–1.5: login, logout, registration and profiles.");

    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").InFeature(Feature);
        auth.MapPost("/", LoginAsync).WithSummary("1.1 用户登录")
            .WithDescription("Answers the session Token and sets it as the HttpOnly cookie energy_session.")
            .AnswersErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests)
            .AnswersData<LoginAnswer>();
        auth.MapDelete("/", LogoutAsync).RequireAuthorization().WithSummary("1.2 退出登录").AnswersOk();

        var users = app.MapGroup("/api/users").InFeature(Feature);
        users.MapPost("/", RegisterAsync).WithSummary("1.3 用户注册")
            .WithDescription("The first user registers without a login; later ones need an administrator's, unless Energy:Auth:OpenRegistration is true.")
            .LoginOptional().AnswersErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .AnswersCreated();
        users.MapPut("/", UpdateAsync).RequireAuthorization().WithSummary("1.4 修改用户信息").AnswersOk();
        users.MapGet("/", GetAsync).RequireAuthorization().WithSummary("1.5 获取用户信息")
            .SeedQuery("id", SeedType.Id, description: "主键 of the user to show (another user's: administrators only); the caller when absent")
            .AnswersData<UserAnswer>();
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
