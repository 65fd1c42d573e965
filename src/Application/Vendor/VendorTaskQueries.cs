using Dapper;
using Energy.Application.Common;
using Npgsql;

namespace Energy.Application.Vendor;

/// <summary>A task as <c>GET /api_3/vendor/tasks</c> lists it (from the inline <c>vendor_tasks</c> read model).</summary>
public sealed record VendorTaskRow(
    string TaskId, string Device, int? Mode, DateTime? DispatchedAt, string? DispatchedBy, DateTime? CompletedAt, string? RelayState, string? Result);

public sealed class VendorTaskQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Newest first; <paramref name="device"/> and <paramref name="taskId"/> filter when given.</summary>
    public async Task<(IReadOnlyList<VendorTaskRow> Rows, long Total)> ListAsync(string? device, string? taskId, Paging paging, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        const string Filter = "WHERE (@device::text IS NULL OR device = @device) AND (@taskId::text IS NULL OR task_id = @taskId)";
        var args = new { device, taskId, offset = paging.Offset, limit = paging.Limit };
        var total = await conn.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM vendor_tasks {Filter}", args, cancellationToken: ct));
        var rows = await conn.QueryAsync<VendorTaskRow>(new CommandDefinition($"""
            SELECT task_id AS TaskId, device AS Device, mode AS Mode, dispatched_at AS DispatchedAt, dispatched_by AS DispatchedBy,
                   completed_at AS CompletedAt, relay_state AS RelayState, result::text AS Result
            FROM vendor_tasks {Filter}
            ORDER BY coalesce(dispatched_at, completed_at) DESC, task_id
            OFFSET @offset LIMIT @limit
            """, args, cancellationToken: ct));
        return (rows.ToList(), total);
    }
}
