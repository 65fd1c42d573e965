namespace Energy.Domain.Oee;

/// <summary>One version of a rule: the description in force from <see cref="From"/> (none after a removal).</summary>
public sealed record OeeRuleVersion(long RuleId, DateTimeOffset From, OeeRuleDetails? Details);

/// <summary>A value of a meter's parameter at an instant.</summary>
public sealed record OeeSample(long MeterId, string Parameter, DateTimeOffset At, decimal Value);

/// <summary>A change of a machine's status, as <see cref="OeeStatusChanged"/> records it.</summary>
public sealed record OeeChange(string From, string To, DateTimeOffset At);

/// <summary>
/// The status of one machine over time (CONTRACT §7), pure. The machine is judged at every instant one of
/// its rules' meters reported (the readings are what the status follows): its status is the
/// <c>Status_Name</c> of the lowest-id rule in force at that instant whose parameter's latest value at or
/// before it lies in [LowerLimit, UpperLimit], else <see cref="OeeStatus.Unknown"/>.
/// </summary>
public sealed class OeeJudge
{
    private readonly IReadOnlyList<OeeRuleVersion> versions;

    public OeeJudge(IEnumerable<OeeRuleVersion> versions) =>
        this.versions = versions.OrderBy(v => v.RuleId).ThenBy(v => v.From).ToList();

    /// <summary>The rules in force at <paramref name="at"/>, lowest id first: each rule's latest version from at or before it.</summary>
    public IEnumerable<OeeRuleDetails> InForce(DateTimeOffset at) =>
        versions.GroupBy(v => v.RuleId)
            .Select(g => g.LastOrDefault(v => v.From <= at)?.Details)
            .OfType<OeeRuleDetails>();

    /// <summary>The status at <paramref name="at"/> given the latest value of each (meter, parameter) then.</summary>
    public string StatusAt(DateTimeOffset at, Func<long, string, decimal?> latest) =>
        InForce(at).FirstOrDefault(r => latest(r.MeterId, r.Parameter) is { } value && r.Matches(value))?.StatusName
        ?? OeeStatus.Unknown;

    /// <summary>
    /// The changes from <paramref name="since"/> on: <paramref name="before"/> is the latest sample of each
    /// (meter, parameter) before it, <paramref name="after"/> every sample at or after it, and
    /// <paramref name="statusBefore"/> the status just before it.
    /// </summary>
    public IReadOnlyList<OeeChange> Derive(string statusBefore, IEnumerable<OeeSample> before, IEnumerable<OeeSample> after)
    {
        var latest = before.GroupBy(s => (s.MeterId, s.Parameter)).ToDictionary(g => g.Key, g => g.MaxBy(s => s.At)!.Value);
        var changes = new List<OeeChange>();
        var status = statusBefore;
        foreach (var instant in after.GroupBy(s => s.At).OrderBy(g => g.Key))
        {
            foreach (var sample in instant)
            {
                latest[(sample.MeterId, sample.Parameter)] = sample.Value;
            }

            var now = StatusAt(instant.Key, (meter, parameter) => latest.TryGetValue((meter, parameter), out var v) ? v : null);
            if (now != status)
            {
                changes.Add(new OeeChange(status, now, instant.Key));
                status = now;
            }
        }

        return changes;
    }
}
