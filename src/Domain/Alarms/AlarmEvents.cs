namespace Energy.Domain.Alarms;

/// <summary>Seed 6.1 <c>Alarm_Level</c>.</summary>
public enum AlarmLevel
{
    Ordinary = 1,
    Warning = 2,
    Severe = 3,
}

/// <summary>Seed 6.1 <c>Alarm_Type</c>; 3 is (ext) CONTRACT §5/§8.</summary>
public enum AlarmType
{
    HourlyConsumption = 1,
    InstantaneousParameter = 2,
    DeviceEvent = 3,
}

/// <summary>Seed 6.1 <c>Alarm_Notify</c>: the platform itself needs no delivery; the others go through the outbox.</summary>
public enum NotifyChannel
{
    Platform = 1,
    Sms = 2,
    Email = 3,
    WeChat = 4,
}

/// <summary>An alarm (<c>alarm_status</c>, seed 6.1–6.4) as a whole description.</summary>
public sealed record AlarmDetails(string Name, AlarmLevel Level, AlarmType Type, NotifyChannel Notify, string Address);

public sealed record AlarmDefined(long AlarmId, AlarmDetails Details) : IEvent;

public sealed record AlarmChanged(long AlarmId, AlarmDetails Details) : IEvent;

public sealed record AlarmDeleted(long AlarmId, DateTimeOffset DeletedAt) : IEvent;

/// <summary>
/// A rule (<c>alarm_status_rules</c>, seed 6.5–6.8): which meter an alarm watches, the parameter for
/// type 2, and the limits. For type 3 (ext) the limits select the 附2 codes that raise it.
/// </summary>
public sealed record AlarmRuleDetails(string Name, long AlarmId, long MeterId, string Parameter, decimal LowerLimit, decimal UpperLimit)
{
    public bool Contains(decimal value) => LowerLimit <= value && value <= UpperLimit;
}

public sealed record AlarmRuleDefined(long RuleId, AlarmRuleDetails Details) : IEvent;

public sealed record AlarmRuleChanged(long RuleId, AlarmRuleDetails Details) : IEvent;

public sealed record AlarmRuleDeleted(long RuleId, DateTimeOffset DeletedAt) : IEvent;
