using Energy.Domain.Alarms;
using JasperFx.Events;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Energy.Application.Alarms.Notifications;

/// <summary>
/// Hands each raised alarm whose channel needs delivery (SMS, email, WeChat) to Wolverine's durable queue
/// <see cref="Queue"/>: a subscription of Marten's daemon, so the message is stored in Wolverine's inbox in the same
/// transaction that moves the subscription's progress — one message per alarm record, whatever restarts happen,
/// and a rebuild of the read models never sends again.
/// </summary>
public static class NotificationRelay
{
    /// <summary>
    /// The subscription's progression name: the same as the reactor that filled the old outbox table, so a
    /// database from before the move carries on after the alarms it had already handed over.
    /// </summary>
    public const string Name = "alarm_outbox";

    public const string Queue = "alarm-notifications";

    public static void Configure(IPublishingRelay relay) =>
        relay.PublishEvent<AlarmTriggered>((e, bus) => e.Data.Notify == NotifyChannel.Platform
            ? ValueTask.CompletedTask
            : bus.SendAsync(Notification.Of(e.Sequence, e.Data)));
}
