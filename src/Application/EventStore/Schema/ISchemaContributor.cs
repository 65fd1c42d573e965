namespace Energy.Application.EventStore;

/// <summary>A piece of the database schema (the store's own, or a projection's read-model tables).</summary>
public interface ISchemaContributor
{
    /// <summary>Orders contributors: the store is 0, read models come after.</summary>
    int Order => 100;

    /// <summary>Idempotent DDL (CREATE … IF NOT EXISTS), run at every start.</summary>
    string Sql { get; }
}
