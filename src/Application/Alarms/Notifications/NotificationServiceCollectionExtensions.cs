using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Application.Alarms.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>The gateways alarm notifications are sent through (<c>Energy:Notify</c>); delivery is Wolverine's (<see cref="NotificationMessaging"/>).</summary>
    public static IServiceCollection AddAlarmNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(NotificationOptions.From(configuration));
        services.AddHttpClient();
        services.AddSingleton<NotificationSender>();
        return services;
    }
}
