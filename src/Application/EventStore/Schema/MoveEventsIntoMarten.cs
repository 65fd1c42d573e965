namespace Energy.Application.EventStore;

/// <summary>
/// Moves the log of a database from before Marten (<c>events</c>, <c>streams</c>) into Marten's tables, once,
/// right after the store's own schema and before the read models.
/// </summary>
public sealed class MoveEventsIntoMarten : ISchemaContributor
{
    public int Order => 1;

    public string Sql { get; } = EventStoreSchema.ReadResource("MoveEventsIntoMarten.sql");
}
