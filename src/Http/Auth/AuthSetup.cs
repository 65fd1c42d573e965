using Energy.Application.Users;
using Microsoft.AspNetCore.Authentication;

namespace Energy.Http.Auth;

public static class AuthSetup
{
    public static IServiceCollection AddEnergyAuth(this IServiceCollection services)
    {
        services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireClaim(HttpContextActor.AdminClaim, "1"));
        services.AddSingleton<LoginThrottle>();
        return services;
    }
}
