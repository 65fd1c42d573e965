namespace Energy.EventStore;

/// <summary>Creates every registered projection's live tables at start-up.</summary>
internal sealed class ProjectionSchema(IEnumerable<IEventProcessor> processors) : ISchemaContributor
{
    public int Order => 50;

    public string Sql => string.Join("\n", processors.OfType<IProjection>().Select(p => p.TablesSql("")));
}
