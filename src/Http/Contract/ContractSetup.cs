using Energy.Application.Common;
using Energy.Http.Contract.OpenApi;
using Energy.Http.Operations;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Energy.Http.Contract;

/// <summary>Wires the contract plumbing so <c>Program.cs</c> stays short.</summary>
public static class ContractSetup
{
    /// <summary>JSON settings, plant time, body limit, OpenAPI and binding failures that reach the edge.</summary>
    public static IServiceCollection AddContract(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureHttpJsonOptions(o => ContractJson.Configure(o.SerializerOptions));

        // Production would otherwise answer binding failures with a bare 400 and no envelope;
        // throwing lets ContractErrorMiddleware name the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        // Built eagerly so a wrong Energy:TimeZone stops the service at start, not at the first request.
        services.AddSingleton(PlantTime.ForZone(configuration["Energy:TimeZone"]));

        var section = configuration.GetSection(ContractHttpOptions.Section);
        services.Configure<ContractHttpOptions>(section);
        var limit = section.Get<ContractHttpOptions>()?.MaxRequestBodyBytes ?? new ContractHttpOptions().MaxRequestBodyBytes;
        // Kestrel enforces the same limit on bodies sent without a Content-Length.
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = limit);

        services.AddSingleton<EnergyMetrics>();
        services.AddEnergyOpenApi();
        return services;
    }

    /// <summary>Error envelopes for everything after this point in the pipeline; call it first.</summary>
    public static WebApplication UseContract(this WebApplication app)
    {
        app.UseMiddleware<ContractErrorMiddleware>();
        app.UseStatusCodePages(StatusEnvelopes.WriteAsync);
        return app;
    }
}
