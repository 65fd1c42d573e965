namespace Energy.Domain.Production;

/// <summary>An output record as folded from <c>output-&lt;id&gt;</c>.</summary>
public sealed record Output(long Id, OutputDetails? Details, bool Removed)
{
    public static readonly Output None = new(0, null, false);

    public bool IsLive => Id != 0 && !Removed;

    public static string StreamId(long id) => $"output-{id}";

    public static Output Evolve(Output state, object @event) => @event switch
    {
        OutputRecorded e => new Output(e.OutputId, e.Details, false),
        OutputCorrected e => state with { Details = e.Details },
        OutputRemoved => state with { Removed = true },
        _ => state,
    };

    public static IReadOnlyList<object> Record(Output state, long id, OutputDetails details, DateTimeOffset at) =>
        state.Id != 0 ? throw DomainRuleException.Violated($"output {id} exists already") : [new OutputRecorded(id, Checked(details), at)];

    /// <summary>A correction that changes nothing appends nothing.</summary>
    public static IReadOnlyList<object> Correct(Output state, long id, OutputDetails details, DateTimeOffset at) =>
        Live(state, id).Details == Checked(details) ? [] : [new OutputCorrected(id, details, at)];

    public static IReadOnlyList<object> Remove(Output state, long id, DateTimeOffset at) =>
        [new OutputRemoved(Live(state, id).Id, at)];

    /// <summary>CONTRACT §7 rules on the record itself: a non-empty window and an amount that is not negative.</summary>
    public static OutputDetails Checked(OutputDetails details)
    {
        if (details.Amount < 0)
        {
            throw DomainRuleException.Invalid("Total_Amount", $"must not be negative, got {details.Amount}");
        }

        return details.Start < details.End
            ? details
            : throw DomainRuleException.Invalid("Time_End", $"must be after Time_Start, got [{details.Start:O}, {details.End:O})");
    }

    private static Output Live(Output state, long id) =>
        state.IsLive ? state : throw DomainRuleException.NotFound("output", id);
}
