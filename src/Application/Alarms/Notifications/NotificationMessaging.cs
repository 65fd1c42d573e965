using Wolverine;
using Wolverine.ErrorHandling;

namespace Energy.Application.Alarms.Notifications;

/// <summary>
/// Wolverine's part of alarm notifications: <see cref="Notification"/> goes to the durable local queue
/// <see cref="NotificationRelay.Queue"/> (kept in PostgreSQL, so nothing handed over is lost across restarts) and a
/// failed attempt is retried after <c>RetryBackoff</c>, doubling, up to <c>MaxAttempts</c> attempts in all.
/// </summary>
public static class NotificationMessaging
{
    public static void Configure(WolverineOptions wolverine, NotificationOptions options)
    {
        wolverine.Discovery.IncludeType(typeof(NotificationDeliveryHandler));
        wolverine.PublishMessage<Notification>().ToLocalQueue(NotificationRelay.Queue).UseDurableInbox();
        wolverine.Policies.OnException<NotificationNotDeliveredException>().ScheduleRetry(RetryDelays(options));
    }

    /// <summary>The waits before attempts 2 … MaxAttempts.</summary>
    public static TimeSpan[] RetryDelays(NotificationOptions options) =>
        Enumerable.Range(0, Math.Max(0, options.MaxAttempts - 1)).Select(i => options.RetryBackoff * Math.Pow(2, i)).ToArray();
}
