using Npgsql;

namespace Energy.Application.EventStore;

public enum ProcessorKind
{
    /// <summary>Writes only its own read-model tables; can be dropped and rebuilt at will.</summary>
    Projection,

    /// <summary>Causes effects or appends events; idempotent, never replayed by a rebuild.</summary>
    Reactor,
}

/// <summary>
/// Where a batch is applied: the daemon's transaction, which also moves the processor's floor, so the
/// read-model writes (or a reactor's appended events) and the progress commit together or not at all.
/// During a blue/green rebuild the same projection code writes the next generation of its tables:
/// projections name their tables through <see cref="Table"/>, never literally.
/// </summary>
public sealed record ProjectionContext(NpgsqlConnection Connection, NpgsqlTransaction Transaction, IEventStore Store, bool Rebuilding, string TableSuffix = "")
{
    /// <summary>The table to write for <paramref name="name"/> in this context.</summary>
    public string Table(string name) => name + TableSuffix;
}

/// <summary>Something the daemon feeds the log to, in order, exactly once per committed event.</summary>
public interface IEventProcessor
{
    /// <summary>Stable name, also the progression row's key; a new version of a projection takes a new name.</summary>
    string Name { get; }

    ProcessorKind Kind { get; }

    /// <summary>Event type names this processor wants; null means all. Filtering happens in the database.</summary>
    IReadOnlyCollection<string>? EventTypes => null;

    Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct);
}

/// <summary>
/// A rebuildable read model. It owns its <see cref="Tables"/>; a rebuild creates them again with a suffix
/// (<see cref="TablesSql"/>), replays the log into them beside the live ones, and swaps them in when caught up.
/// </summary>
public interface IProjection : IEventProcessor
{
    ProcessorKind IEventProcessor.Kind => ProcessorKind.Projection;

    /// <summary>The base names of the tables this projection writes (and nothing else writes).</summary>
    IReadOnlyList<string> Tables { get; }

    /// <summary>
    /// Idempotent DDL of the tables, with <paramref name="suffix"/> appended to every table and index name
    /// (name indexes <c>{table}{suffix}_what</c>, so the swap can give them back their plain names).
    /// </summary>
    string TablesSql(string suffix);
}

/// <summary>A processor that reacts with effects; its progress is never reset.</summary>
public interface IReactor : IEventProcessor
{
    ProcessorKind IEventProcessor.Kind => ProcessorKind.Reactor;
}
