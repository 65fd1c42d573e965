namespace Energy.Domain.Alarms;

/// <summary>
/// An alarm was raised (seed 6.9 record). Everything a record shows is in the event, names as they were at
/// the time, so the records and counts are rebuilt from the log alone. The record's id is the event's
/// sequence number. Stream: <c>alarm-records-&lt;rule id&gt;</c>.
/// </summary>
/// <param name="Parameter">Type 2: the judged parameter (UA, …); type 1: "EP"; type 3: the 附2 code.</param>
/// <param name="Value">Type 2: the reading; type 1: the hour's consumption; type 3: the 附2 code as a number.</param>
/// <param name="At">When it happened: the reading's time (type 2, 3) or the start of the hour (type 1).</param>
/// <param name="EventName">Type 3 only: the 附2 name, e.g. "剩余电流" (the device alarm's name, CONTRACT §5).</param>
public sealed record AlarmTriggered(
    long RuleId,
    long AlarmId,
    long MeterId,
    AlarmType Type,
    AlarmLevel Level,
    NotifyChannel Notify,
    string Address,
    string AlarmName,
    string RuleName,
    string MeterName,
    string MachineName,
    string Parameter,
    decimal Value,
    decimal LowerLimit,
    decimal UpperLimit,
    DateTimeOffset At,
    string Content,
    string? EventName = null) : IEvent
{
    public static string StreamId(long ruleId) => $"alarm-records-{ruleId}";
}

/// <summary>(ext) A type-2 condition came back inside its limits; closes the episode raised at <paramref name="TriggeredAt"/>.</summary>
public sealed record AlarmCleared(
    long RuleId,
    long AlarmId,
    long MeterId,
    string Parameter,
    decimal Value,
    DateTimeOffset TriggeredAt,
    DateTimeOffset At,
    string Content) : IEvent;

/// <summary>The notification of record <paramref name="RecordId"/> reached its gateway after <paramref name="Attempts"/> attempts.</summary>
public sealed record NotificationDelivered(long RecordId, NotifyChannel Channel, string Address, int Attempts, DateTimeOffset At) : IEvent
{
    public static string StreamId(long recordId) => $"notification-{recordId}";
}

/// <summary>An attempt failed; <paramref name="GivenUp"/> when no more attempts will be made.</summary>
public sealed record NotificationFailed(long RecordId, NotifyChannel Channel, string Address, int Attempts, string Error, bool GivenUp, DateTimeOffset At) : IEvent;
