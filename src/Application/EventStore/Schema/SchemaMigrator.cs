using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Energy.Application.EventStore;

/// <summary>
/// Creates or updates the schema at start-up: Marten's tables (through Weasel) first, then the store's own and the
/// read models', idempotent DDL, all under one transaction-level advisory lock, so several instances starting at
/// once do not race each other.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, IDocumentStore marten, IEnumerable<ISchemaContributor> contributors, ILogger<SchemaMigrator> logger)
{
    private const long MigrationLockKey = 0x456E_6572_6779; // "Energy"

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({MigrationLockKey})", conn, tx))
        {
            await lockCmd.ExecuteNonQueryAsync(ct);
        }

        await marten.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        foreach (var contributor in contributors.OrderBy(c => c.Order).Where(c => !string.IsNullOrWhiteSpace(c.Sql)))
        {
            await using var cmd = new NpgsqlCommand(contributor.Sql, conn, tx);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        LogMigrated(logger, contributors.Count());
    }

    /// <summary>True when the store's tables exist: the readiness probe asks this.</summary>
    public async Task<bool> IsInPlaceAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT to_regclass('mt_events') IS NOT NULL AND to_regclass('projection_control') IS NOT NULL AND to_regclass('inbox') IS NOT NULL");
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema in place ({Contributors} parts)")]
    private static partial void LogMigrated(ILogger logger, int contributors);
}

/// <summary>The event store's own tables.</summary>
public sealed class EventStoreSchema : ISchemaContributor
{
    public int Order => 0;

    public string Sql { get; } = ReadResource("EventStoreSchema.sql");

    internal static string ReadResource(string name)
    {
        var resource = $"Energy.Application.EventStore.Schema.{name}";
        using var stream = typeof(EventStoreSchema).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded schema script {resource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
