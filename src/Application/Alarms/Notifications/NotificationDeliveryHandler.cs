using Energy.Application.EventStore;
using Energy.Domain.Alarms;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Energy.Application.Alarms.Notifications;

/// <summary>
/// Wolverine's handler of <see cref="Notification"/> on the durable queue <see cref="NotificationRelay.Queue"/>:
/// sends through the channel's gateway and records the outcome on the record's notification stream
/// (<see cref="NotificationDelivered"/>, or <see cref="NotificationFailed"/> per failed attempt), which the alarm
/// record shows as <c>Notify_State</c>/<c>Notify_Attempts</c>. A failed attempt throws
/// <see cref="NotificationNotDeliveredException"/> and Wolverine's error policy (<see cref="NotificationMessaging"/>)
/// schedules the next one in its message store, so retries survive restarts; the last attempt records that it gave up.
/// At-least-once towards the gateway, with the record id as dedupe key (SMTP Message-ID, HTTP Idempotency-Key).
/// </summary>
public static partial class NotificationDeliveryHandler
{
    public static async Task HandleAsync(
        Notification notification, Envelope envelope, NotificationSender sender, NotificationOptions options, IEventStore store,
        ILogger<NotificationSender> logger, CancellationToken ct)
    {
        var attempt = Math.Max(1, envelope.Attempts);
        string? error = null;
        try
        {
            await sender.SendAsync(notification, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            error = e.Message;
        }

        var givenUp = error is not null && attempt >= options.MaxAttempts;
        var at = DateTimeOffset.UtcNow;
        object outcome = error is null
            ? new NotificationDelivered(notification.RecordId, notification.Channel, notification.Address, attempt, at)
            : new NotificationFailed(notification.RecordId, notification.Channel, notification.Address, attempt, error, givenUp, at);
        await store.AppendAsync(AppendRequest.To(NotificationDelivered.StreamId(notification.RecordId), ExpectedVersion.Any, [outcome], streamType: "notification"), ct);
        if (error is null)
        {
            return;
        }

        LogAttemptFailed(logger, notification.RecordId, attempt, error);
        if (!givenUp)
        {
            throw new NotificationNotDeliveredException(notification.RecordId, attempt, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification of alarm record {RecordId} failed (attempt {Attempt}): {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, long recordId, int attempt, string error);
}

/// <summary>A gateway refused or failed an attempt; the attempt is already recorded, Wolverine schedules the next.</summary>
public sealed class NotificationNotDeliveredException(long recordId, int attempt, string error)
    : Exception($"Notification of alarm record {recordId} failed (attempt {attempt}): {error}");
