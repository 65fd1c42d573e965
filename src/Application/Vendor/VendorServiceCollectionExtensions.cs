using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace Energy.Application.Vendor;

public static class VendorServiceCollectionExtensions
{
    /// <summary>The vendor's options, sign, token cache and HTTP client (handlers are found by name elsewhere).</summary>
    public static IServiceCollection AddVendor(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<VendorOptions>(configuration.GetSection(VendorOptions.Section));
        services.AddSingleton<VendorSignature>();
        services.AddSingleton<VendorResilience>();
        services.AddSingleton<VendorTokens>();
        services.AddSingleton<VendorClient>();
        services.AddSingleton<VendorInbox>();
        services.AddHttpClient(VendorClient.HttpClientName, (provider, http) =>
        {
            var baseUrl = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<VendorOptions>>().Value.BaseUrl;
            if (baseUrl is not null)
            {
                // A trailing slash keeps a base path (https://host/api/) when relative paths are appended.
                http.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
            }

            // Timeouts are the resilience pipeline's (per attempt and overall), not HttpClient's single one.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        return services;
    }
}
