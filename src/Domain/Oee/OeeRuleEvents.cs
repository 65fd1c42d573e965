namespace Energy.Domain.Oee;

/// <summary>
/// What an OEE status rule says (seed 7.2/7.3): while <see cref="Parameter"/> of meter <see cref="MeterId"/>
/// lies in the closed interval [<see cref="Lower"/>, <see cref="Upper"/>] (CONTRACT §7), machine
/// <see cref="MachineId"/> is in status <see cref="StatusName"/> — unless a rule with a lower id matches first.
/// </summary>
public sealed record OeeRuleDetails(
    string Name,
    string StatusName,
    long MachineId,
    long MeterId,
    string Parameter,
    decimal Lower,
    decimal Upper)
{
    public bool Matches(decimal value) => Lower <= value && value <= Upper;
}

/// <summary>A rule was added; it judges readings taken from <paramref name="At"/> on.</summary>
public sealed record OeeRuleAdded(long RuleId, OeeRuleDetails Details, DateTimeOffset At) : IEvent;

/// <summary>A rule was changed; the new description judges readings taken from <paramref name="At"/> on, earlier ones keep the old.</summary>
public sealed record OeeRuleChanged(long RuleId, OeeRuleDetails Details, DateTimeOffset At) : IEvent;

/// <summary>A rule was removed; it judges no reading taken from <paramref name="At"/> on.</summary>
public sealed record OeeRuleRemoved(long RuleId, DateTimeOffset At) : IEvent;
