using System.Text.Json;
using Energy.Domain.Vendor;
using Energy.Application.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Projections.Vendor;

/// <summary>
/// The vendor tasks and their results (<c>GET /api_3/vendor/tasks</c>), inline so a task is listed as soon as
/// its dispatch is acknowledged. A result can arrive before the dispatch is recorded: both upsert the row.
/// </summary>
public sealed class VendorTaskList : IInlineProjection, ISchemaContributor
{
    public string Name => "vendor_tasks";

    public IReadOnlyCollection<string> EventTypes => [nameof(VendorTaskDispatched), nameof(VendorTaskCompleted)];

    public string Sql => """
        CREATE TABLE IF NOT EXISTS vendor_tasks (
            task_id         text        PRIMARY KEY,
            device          text        NOT NULL,
            mode            int,
            dispatched_at   timestamptz,
            dispatched_by   text,
            completed_at    timestamptz,
            relay_state     text,
            result          jsonb
        );
        CREATE INDEX IF NOT EXISTS vendor_tasks_device ON vendor_tasks (device);
        """;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        // Last event per task wins within a batch: an upsert must not touch one row twice.
        var dispatched = events.Select(e => e.Data).OfType<VendorTaskDispatched>().DistinctBy(d => d.TaskId).ToArray();
        var completed = events.Select(e => e.Data).OfType<VendorTaskCompleted>().Reverse().DistinctBy(c => c.TaskId).ToArray();
        if (dispatched.Length > 0)
        {
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO vendor_tasks AS t (task_id, device, mode, dispatched_at, dispatched_by)
                SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::text[])
                ON CONFLICT (task_id) DO UPDATE SET
                    mode = excluded.mode, dispatched_at = excluded.dispatched_at, dispatched_by = excluded.dispatched_by
                """, context.Connection, context.Transaction);
            cmd.Parameters.Add(new() { Value = dispatched.Select(d => d.TaskId).ToArray() });
            cmd.Parameters.Add(new() { Value = dispatched.Select(d => d.Device).ToArray() });
            cmd.Parameters.Add(new() { Value = dispatched.Select(d => (int)d.Mode).ToArray() });
            cmd.Parameters.Add(new() { Value = dispatched.Select(d => d.DispatchedAt.UtcDateTime).ToArray() });
            cmd.Parameters.Add(new() { Value = dispatched.Select(d => d.DispatchedBy).ToArray() });
            await cmd.ExecuteNonQueryAsync(ct);
        }

        if (completed.Length > 0)
        {
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO vendor_tasks AS t (task_id, device, completed_at, relay_state, result)
                SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::jsonb[])
                ON CONFLICT (task_id) DO UPDATE SET
                    completed_at = excluded.completed_at, relay_state = excluded.relay_state, result = excluded.result
                """, context.Connection, context.Transaction);
            cmd.Parameters.Add(new() { Value = completed.Select(c => c.TaskId).ToArray() });
            cmd.Parameters.Add(new() { Value = completed.Select(c => c.Device).ToArray() });
            cmd.Parameters.Add(new() { Value = completed.Select(c => c.ReceivedAt.UtcDateTime).ToArray() });
            cmd.Parameters.Add(new() { Value = completed.Select(c => c.RelayState).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            cmd.Parameters.Add(new()
            {
                Value = completed.Select(c => JsonSerializer.Serialize(c.Fields)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
            });
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("TRUNCATE vendor_tasks", connection, transaction);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
