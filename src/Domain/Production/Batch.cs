namespace Energy.Domain.Production;

/// <summary>A production batch as folded from <c>batch-&lt;id&gt;</c>.</summary>
public sealed record Batch(long Id, BatchDetails Details, bool Deleted)
{
    public static readonly Batch None = new(0, new BatchDetails("", default, default), false);

    public bool IsLive => Id != 0 && !Deleted;

    public static string StreamId(long id) => $"batch-{id}";

    public static Batch Evolve(Batch state, object @event) => @event switch
    {
        BatchRegistered e => new Batch(e.BatchId, e.Details, false),
        BatchChanged e => state with { Details = e.Details },
        BatchDeleted => state with { Deleted = true },
        _ => state,
    };

    public static IReadOnlyList<object> Register(Batch state, long id, BatchDetails details) =>
        state.Id != 0 ? throw DomainRuleException.Violated($"batch {id} exists already") : [new BatchRegistered(id, Checked(details))];

    public static IReadOnlyList<object> Change(Batch state, long id, BatchDetails details) =>
        Live(state, id).Details == Checked(details) ? [] : [new BatchChanged(id, details)];

    public static IReadOnlyList<object> Delete(Batch state, long id, DateTimeOffset at) =>
        [new BatchDeleted(Live(state, id).Id, at)];

    private static BatchDetails Checked(BatchDetails details) =>
        details.Start < details.End
            ? details
            : throw DomainRuleException.Invalid("Time_End", $"must be after Time_Start, got [{details.Start:O}, {details.End:O})");

    private static Batch Live(Batch state, long id) =>
        state.IsLive ? state : throw DomainRuleException.NotFound("batch", id);
}
