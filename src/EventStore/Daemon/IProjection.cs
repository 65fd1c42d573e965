using Npgsql;

namespace Energy.EventStore;

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
/// </summary>
public sealed record ProjectionContext(NpgsqlConnection Connection, NpgsqlTransaction Transaction, IEventStore Store, bool Rebuilding);

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

/// <summary>A rebuildable read model.</summary>
public interface IProjection : IEventProcessor
{
    ProcessorKind IEventProcessor.Kind => ProcessorKind.Projection;

    /// <summary>Empties the projection's tables; runs in the rebuild's transaction.</summary>
    Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct);
}

/// <summary>A processor that reacts with effects; its progress is never reset.</summary>
public interface IReactor : IEventProcessor
{
    ProcessorKind IEventProcessor.Kind => ProcessorKind.Reactor;
}
