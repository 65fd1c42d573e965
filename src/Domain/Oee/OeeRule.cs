namespace Energy.Domain.Oee;

/// <summary>An OEE status rule as folded from its stream <c>oee_rule-&lt;id&gt;</c>.</summary>
public sealed record OeeRule(long Id, OeeRuleDetails Details, DateTimeOffset? RemovedAt)
{
    public static readonly OeeRule None = new(0, new OeeRuleDetails("", "", 0, 0, "", 0, 0), null);

    public bool Exists => Id != 0;

    public bool IsLive => Exists && RemovedAt is null;

    public static string StreamId(long id) => $"oee_rule-{id}";

    public static OeeRule Evolve(OeeRule state, object @event) => @event switch
    {
        OeeRuleAdded e => None with { Id = e.RuleId, Details = e.Details },
        OeeRuleChanged e => state with { Details = e.Details },
        OeeRuleRemoved e => state with { RemovedAt = e.At },
        _ => state,
    };
}
