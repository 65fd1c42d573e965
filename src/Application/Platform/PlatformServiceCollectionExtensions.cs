using Energy.Application.WeChat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Application.Platform;

public static class PlatformServiceCollectionExtensions
{
    /// <summary>The provincial platform's options, client, uploader and its background service; the WeChat client.</summary>
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PlatformOptions>(configuration.GetSection(PlatformOptions.Section));
        services.Configure<WeChatOptions>(configuration.GetSection(WeChatOptions.Section));
        services.AddSingleton<PlatformClient>();
        services.AddScoped<PlatformUploader>();
        services.AddHostedService<PlatformUploadService>();
        services.AddHttpClient(PlatformClient.HttpClientName);
        services.AddHttpClient(WeChatBindingHandler.HttpClientName);
        return services;
    }
}
