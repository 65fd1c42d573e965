using Energy.Http.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Energy.Http.Contract.OpenApi;

/// <summary>
/// Says per operation which login it takes (CONTRACT §1 Auth): the session token as a bearer header or the session
/// cookie 1.1 sets; none (<c>security: []</c>) for the login, the signed vendor webhooks and the health probes.
/// </summary>
public sealed class SessionSecurityTransformer : IOpenApiOperationTransformer
{
    public const string BearerScheme = "session";
    public const string CookieScheme = "sessionCookie";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var login = EndpointLogins.Of(context.Description.ActionDescriptor.EndpointMetadata);
        operation.Security = [];
        if (login == EndpointLogin.None)
        {
            return Task.CompletedTask;
        }

        if (login == EndpointLogin.Optional)
        {
            // An empty requirement: anonymous callers are accepted too.
            operation.Security.Add(new OpenApiSecurityRequirement());
        }

        operation.Security.Add(new OpenApiSecurityRequirement { [DocumentComponents.SecurityScheme(context, BearerScheme, Bearer)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [DocumentComponents.SecurityScheme(context, CookieScheme, Cookie)] = [] });
        if (login == EndpointLogin.Admin)
        {
            operation.Description = string.IsNullOrEmpty(operation.Description)
                ? "Administrators only."
                : operation.Description + " Administrators only.";
        }

        return Task.CompletedTask;
    }

    private static OpenApiSecurityScheme Bearer() => new()
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        Description = "The Token of 1.1's answer: Authorization: Bearer <Token>.",
    };

    private static OpenApiSecurityScheme Cookie() => new()
    {
        Type = SecuritySchemeType.ApiKey,
        In = ParameterLocation.Cookie,
        Name = SessionAuthenticationHandler.CookieName,
        Description = "The HttpOnly session cookie 1.1 sets.",
    };
}
