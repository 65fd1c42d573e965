using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Application.Alarms.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>The outbox delivery worker and its gateways (<c>Energy:Notify</c>).</summary>
    public static IServiceCollection AddAlarmNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(NotificationOptions.From(configuration));
        services.AddHttpClient();
        services.AddSingleton<NotificationSender>();
        services.AddHostedService<NotificationWorker>();
        return services;
    }
}
