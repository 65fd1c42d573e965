using Npgsql;

namespace Energy.Application.EventStore;

/// <summary>
/// A read model applied inside the appending transaction, for small catalogs whose lists must show a write
/// the moment it is acknowledged (a meter listed right after it is created). Heavy read models stay
/// asynchronous (<see cref="IProjection"/>), off the append path.
/// </summary>
public interface IInlineProjection
{
    string Name { get; }

    /// <summary>Event type names this projection wants; inline projections always name them.</summary>
    IReadOnlyCollection<string> EventTypes { get; }

    Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct);

    /// <summary>Empties its tables before a rebuild.</summary>
    Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct);
}
