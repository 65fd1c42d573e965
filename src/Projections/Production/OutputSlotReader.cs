using Energy.Application.Production;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Projections.Production;

/// <summary>Reads <c>production_output_slots</c> (the live generation) for the statistics.</summary>
public sealed class OutputSlotReader(NpgsqlDataSource dataSource) : IOutputSlotReader
{
    public async Task<IReadOnlyList<OutputSlotRow>> ReadAsync(IReadOnlyCollection<long> machineIds, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct = default)
    {
        var rows = new List<OutputSlotRow>();
        if (machineIds.Count == 0)
        {
            return rows;
        }

        await using var cmd = dataSource.CreateCommand($"""
            SELECT output_id, machine_id, slot, amount FROM {BatchEfficiencyProjection.SlotsTable}
            WHERE machine_id = ANY($1) AND ($2::timestamptz IS NULL OR slot >= $2) AND ($3::timestamptz IS NULL OR slot < $3)
            ORDER BY machine_id, slot, output_id
            """);
        cmd.Parameters.Add(new() { Value = machineIds.ToArray() });
        cmd.Parameters.Add(new() { Value = (object?)from?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = (object?)to?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var slot = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc));
            rows.Add(new OutputSlotRow(reader.GetInt64(0), reader.GetInt64(1), slot, reader.GetDecimal(3)));
        }

        return rows;
    }
}
