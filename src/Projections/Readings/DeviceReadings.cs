using Energy.Domain.Readings;
using Energy.Application.EventStore;
using Npgsql;

namespace Energy.Projections.Readings;

/// <summary>
/// Every device that has reported readings, with its first and last reading time and how many there are:
/// the base of <c>GET /api_3/unbound_devices</c>. Asynchronous: it is off the ingestion path, and a
/// device list that lags a push by a moment is fine.
/// </summary>
public sealed class DeviceReadings : IProjection
{
    public string Name => "device_readings";

    public IReadOnlyCollection<string> EventTypes => [nameof(MeterReadingReceived)];

    public IReadOnlyList<string> Tables { get; } = ["device_readings"];

    public string TablesSql(string suffix) => $"""
        CREATE TABLE IF NOT EXISTS device_readings{suffix} (
            device          text        PRIMARY KEY,
            first_read_at   timestamptz NOT NULL,
            last_read_at    timestamptz NOT NULL,
            readings        bigint      NOT NULL
        );
        """;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        // One row per device per batch, so the upsert never touches a row twice.
        var devices = events.Select(e => e.Data).OfType<MeterReadingReceived>()
            .GroupBy(r => r.Device, StringComparer.Ordinal)
            .Select(g => (Device: g.Key, First: g.Min(r => r.ReadAt).UtcDateTime, Last: g.Max(r => r.ReadAt).UtcDateTime, Count: (long)g.Count()))
            .ToArray();
        if (devices.Length == 0)
        {
            return;
        }

        await using var cmd = new NpgsqlCommand($"""
            INSERT INTO {context.Table("device_readings")} AS d (device, first_read_at, last_read_at, readings)
            SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::bigint[])
            ON CONFLICT (device) DO UPDATE SET
                first_read_at = least(d.first_read_at, excluded.first_read_at),
                last_read_at = greatest(d.last_read_at, excluded.last_read_at),
                readings = d.readings + excluded.readings
            """, context.Connection, context.Transaction);
        cmd.Parameters.Add(new() { Value = devices.Select(d => d.Device).ToArray() });
        cmd.Parameters.Add(new() { Value = devices.Select(d => d.First).ToArray() });
        cmd.Parameters.Add(new() { Value = devices.Select(d => d.Last).ToArray() });
        cmd.Parameters.Add(new() { Value = devices.Select(d => d.Count).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
