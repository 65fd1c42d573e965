using Energy.Domain.Alarms;

namespace Energy.Application.Alarms.Notifications;

/// <summary>
/// The message to deliver for one alarm record (its id is the <see cref="AlarmTriggered"/> event's sequence
/// number); <see cref="DedupeKey"/> is the same on every attempt.
/// </summary>
public sealed record Notification(long RecordId, NotifyChannel Channel, string Address, string Subject, string Body)
{
    public string DedupeKey => $"alarm-record-{RecordId}";

    public static Notification Of(long recordId, AlarmTriggered alarm) =>
        new(recordId, alarm.Notify, alarm.Address, $"[{LevelName(alarm.Level)}] {alarm.AlarmName}", alarm.Content);

    private static string LevelName(AlarmLevel level) => level switch
    {
        AlarmLevel.Severe => "严重",
        AlarmLevel.Warning => "警告",
        _ => "一般",
    };
}
