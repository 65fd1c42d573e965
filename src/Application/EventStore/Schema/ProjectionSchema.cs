namespace Energy.Application.EventStore;

/// <summary>Creates every registered projection's live tables and every processor's control row at start-up.</summary>
internal sealed class ProjectionSchema(IEnumerable<IEventProcessor> processors) : ISchemaContributor
{
    public int Order => 50;

    public string Sql => string.Join("\n", processors.OfType<IProjection>().Select(p => p.TablesSql("")))
        + "\n" + string.Join("\n", processors.Select(p =>
            $"INSERT INTO projection_control (name, kind) VALUES ('{p.Name.Replace("'", "''", StringComparison.Ordinal)}', '{p.Kind.ToString().ToLowerInvariant()}') ON CONFLICT (name) DO NOTHING;"));
}
