namespace Energy.Domain.Oee;

public abstract record OeeRuleCommand(long RuleId);

public sealed record AddOeeRule(long RuleId, OeeRuleDetails Details, DateTimeOffset At) : OeeRuleCommand(RuleId);

public sealed record ChangeOeeRule(long RuleId, OeeRuleDetails Details, DateTimeOffset At) : OeeRuleCommand(RuleId);

public sealed record RemoveOeeRule(long RuleId, DateTimeOffset At) : OeeRuleCommand(RuleId);

/// <summary>
/// Decides what a rule command means for the rule's stream; pure. The catalog-wide checks (machine and meter
/// exist, the meter is on that machine, the name is unique) are the handler's, inside the append.
/// </summary>
public static class OeeRuleDecider
{
    public static IReadOnlyList<object> Decide(OeeRuleCommand command, OeeRule state) => command switch
    {
        AddOeeRule c => state.Exists
            ? throw DomainRuleException.Violated($"OEE rule {c.RuleId} exists already")
            : [new OeeRuleAdded(c.RuleId, Checked(c.Details), c.At)],
        ChangeOeeRule c => Live(state, c).Details == Checked(c.Details) ? [] : [new OeeRuleChanged(c.RuleId, c.Details, c.At)],
        RemoveOeeRule c => [new OeeRuleRemoved(Live(state, c).Id, c.At)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown OEE rule command."),
    };

    /// <summary>The field-level rules (4103): names present, a known parameter, limits in order.</summary>
    public static OeeRuleDetails Checked(OeeRuleDetails details)
    {
        if (details.Name.Length is 0 or > 100)
        {
            throw DomainRuleException.Invalid("Rule_Name", "must be a rule name of 1–100 characters");
        }

        if (details.StatusName.Length is 0 or > 50)
        {
            throw DomainRuleException.Invalid("Status_Name", "must be a status name of 1–50 characters");
        }

        if (!OeeParameters.IsKnown(details.Parameter))
        {
            throw DomainRuleException.Invalid("Meter_Parameter", $"must be one of {string.Join(' ', OeeParameters.All)} (CONTRACT §5), got \"{details.Parameter}\"");
        }

        return details.Lower <= details.Upper
            ? details
            : throw DomainRuleException.Invalid("LowerLimit", $"must not be above UpperLimit ({details.Upper}), got {details.Lower}");
    }

    private static OeeRule Live(OeeRule state, OeeRuleCommand command) =>
        state.IsLive ? state : throw DomainRuleException.NotFound("OEE rule", command.RuleId);
}
