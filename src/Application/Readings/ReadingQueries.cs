using Dapper;
using Energy.Application.Common;
using Npgsql;

namespace Energy.Application.Readings;

/// <summary>A device that has reported readings (from the <c>device_readings</c> projection).</summary>
public sealed record DeviceReadingsRow(string Device, DateTime FirstReadAt, DateTime LastReadAt, long Readings);

public sealed class ReadingQueries(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Devices with readings but no live meter bound to them (CONTRACT §4 (ext) <c>GET /api_3/unbound_devices</c>),
    /// by device number. Without a meter catalog yet, every device with readings is unbound.
    /// </summary>
    public async Task<(IReadOnlyList<DeviceReadingsRow> Rows, long Total)> UnboundDevicesAsync(Paging paging, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var columns = await MeterCatalogProbe.MeterColumnsAsync(conn, ct);
        // TODO(catalog): finalize as a join on meter_bindings (device → meter, from the time of binding) once the
        // catalog is merged: NOT EXISTS (SELECT 1 FROM meter_bindings b JOIN meters m ON m.id = b.meter_id
        // WHERE b.code = d.device AND b.unbound_at IS NULL AND m.deleted_at IS NULL). Until then: meters.code.
        var filter = columns.Contains("code")
            ? "WHERE NOT EXISTS (SELECT 1 FROM meters m WHERE m.code = d.device"
              + (columns.Contains("deleted_at") ? " AND m.deleted_at IS NULL)" : ")")
            : "";
        var args = new { offset = paging.Offset, limit = paging.Limit };
        var total = await conn.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM device_readings d {filter}", args, cancellationToken: ct));
        var rows = await conn.QueryAsync<DeviceReadingsRow>(new CommandDefinition($"""
            SELECT d.device AS Device, d.first_read_at AS FirstReadAt, d.last_read_at AS LastReadAt, d.readings AS Readings
            FROM device_readings d {filter}
            ORDER BY d.device
            OFFSET @offset LIMIT @limit
            """, args, cancellationToken: ct));
        return (rows.ToList(), total);
    }
}
