using Energy.Domain.Readings;

namespace Energy.Domain.Alarms;

/// <summary>A rule as folded from its stream <c>alarm-rule-&lt;id&gt;</c>.</summary>
public sealed record AlarmRule(long Id, AlarmRuleDetails Details, bool Deleted)
{
    public static readonly AlarmRule None = new(0, new AlarmRuleDetails("", 0, 0, "", 0, 0), false);

    public bool IsLive => Id != 0 && !Deleted;

    public static string StreamId(long id) => $"alarm-rule-{id}";

    public static AlarmRule Evolve(AlarmRule state, object @event) => @event switch
    {
        AlarmRuleDefined e => new AlarmRule(e.RuleId, e.Details, false),
        AlarmRuleChanged e => state with { Details = e.Details },
        AlarmRuleDeleted => state with { Deleted = true },
        _ => state,
    };
}

public abstract record AlarmRuleCommand(long RuleId);

/// <param name="AlarmType">The type of the alarm the rule names, read by the caller (null: no such live alarm).</param>
public sealed record DefineAlarmRule(long RuleId, AlarmRuleDetails Details, AlarmType? AlarmType) : AlarmRuleCommand(RuleId);

public sealed record ChangeAlarmRule(long RuleId, AlarmRuleDetails Details, AlarmType? AlarmType) : AlarmRuleCommand(RuleId);

public sealed record DeleteAlarmRule(long RuleId, DateTimeOffset At) : AlarmRuleCommand(RuleId);

/// <summary>
/// Decides rule commands; pure. CONTRACT §8: a type-2 rule needs <c>Meter_Parameter</c> (4103), the limits
/// must be ordered (4103), the alarm must exist (4004). Whether the meter exists is checked in the transaction.
/// </summary>
public static class AlarmRuleDecider
{
    public static IReadOnlyList<object> Decide(AlarmRuleCommand command, AlarmRule state) => command switch
    {
        DefineAlarmRule c => state.Id != 0
            ? throw DomainRuleException.Violated($"rule {c.RuleId} exists already")
            : [new AlarmRuleDefined(c.RuleId, Checked(c.Details, c.AlarmType))],
        ChangeAlarmRule c => Live(state, c).Details == Checked(c.Details, c.AlarmType) ? [] : [new AlarmRuleChanged(c.RuleId, Checked(c.Details, c.AlarmType))],
        DeleteAlarmRule c => [new AlarmRuleDeleted(Live(state, c).Id, c.At)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown rule command."),
    };

    private static AlarmRuleDetails Checked(AlarmRuleDetails details, AlarmType? type)
    {
        if (type is null)
        {
            throw DomainRuleException.Violated($"alarm {details.AlarmId} (Alarm_id) does not exist; a rule must name an existing alarm");
        }

        if (details.LowerLimit > details.UpperLimit)
        {
            throw DomainRuleException.Invalid("LowerLimit", $"must not be greater than UpperLimit ({details.LowerLimit} > {details.UpperLimit})");
        }

        return type switch
        {
            AlarmType.InstantaneousParameter when details.Parameter.Length == 0 =>
                throw DomainRuleException.Invalid("Meter_Parameter", "is required for an instantaneous-parameter alarm (Alarm_Type 2), e.g. \"UA\""),
            AlarmType.InstantaneousParameter when !ReadingParameters.IsParameter(details.Parameter) =>
                throw DomainRuleException.Invalid("Meter_Parameter", $"must be one of {string.Join(' ', ReadingParameters.Names)} (CONTRACT §5), got \"{details.Parameter}\""),
            AlarmType.InstantaneousParameter => details,

            // Only type 2 judges a parameter: elsewhere a sent one is meaningless and is not kept.
            _ => details with { Parameter = "" },
        };
    }

    private static AlarmRule Live(AlarmRule state, AlarmRuleCommand command) =>
        state.IsLive ? state : throw DomainRuleException.NotFound("alarm rule", command.RuleId);
}
