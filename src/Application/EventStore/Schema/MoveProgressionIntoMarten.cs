namespace Energy.Application.EventStore;

/// <summary>
/// Hands the processors' floors of a database from before Marten's daemon (<c>progression</c>) to Marten's
/// <c>mt_event_progression</c>, once, after the store's own schema and before the daemon starts.
/// </summary>
public sealed class MoveProgressionIntoMarten : ISchemaContributor
{
    public int Order => 2;

    public string Sql { get; } = EventStoreSchema.ReadResource("MoveProgressionIntoMarten.sql");
}
