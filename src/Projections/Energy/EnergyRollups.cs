using Energy.Domain.Energy;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Projections.Energy;

/// <summary>
/// The hour, day and month rows: each the sum of the finer level's rows (slots → hours → days → months), keyed by
/// the start of its plant-local unit, <c>date_trunc(unit, …, zone)</c>. The projection recomputes them over the
/// ranges a page touched; the query benchmark builds its read model with the same commands, so the two cannot
/// disagree. The reader cuts windows on the same boundaries (<see cref="PlantUnits"/>).
/// </summary>
public static class EnergyRollups
{
    private static readonly (Resolution Unit, string Table, string Column, string Finer, string FinerColumn)[] Levels =
    [
        (Resolution.Hour, EnergyTables.Hours, "hour", EnergyTables.Slots, "slot"),
        (Resolution.Day, EnergyTables.Days, "day", EnergyTables.Hours, "hour"),
        (Resolution.Month, EnergyTables.Months, "month", EnergyTables.Days, "day"),
    ];

    /// <summary>
    /// Adds the commands that recompute every rollup row over the given slot ranges, level by level; each level's
    /// ranges are widened to whole plant-local units, so a unit is always summed from all of its finer rows.
    /// </summary>
    public static void Add(NpgsqlBatch batch, Func<string, string> table, PlantZone zone, IReadOnlyCollection<(string Source, DateTimeOffset From, DateTimeOffset To)> slotRanges)
    {
        foreach (var (unit, coarser, column, finer, finerColumn) in Levels)
        {
            var ranges = Merged(slotRanges, unit, zone.Info);
            batch.BatchCommands.Add(Ranged($"""
                DELETE FROM {table(coarser)} c USING unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) x(device, f, t)
                WHERE c.device = x.device AND c.{column} >= x.f AND c.{column} < x.t
                """, ranges));
            var insert = Ranged($"""
                INSERT INTO {table(coarser)} (device, {column}, amount)
                SELECT s.device, date_trunc('{column}', s.{finerColumn}, $4), sum(s.amount)
                FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) x(device, f, t)
                JOIN {table(finer)} s ON s.device = x.device AND s.{finerColumn} >= x.f AND s.{finerColumn} < x.t
                GROUP BY 1, 2
                """, ranges);
            insert.Parameters.Add(new() { Value = zone.Id });
            batch.BatchCommands.Add(insert);
        }
    }

    /// <summary>The rows of <paramref name="unit"/> to recompute, widened to whole units and merged per source so no row is summed twice.</summary>
    private static (string Source, DateTimeOffset From, DateTimeOffset To)[] Merged(
        IEnumerable<(string Source, DateTimeOffset From, DateTimeOffset To)> ranges, Resolution unit, TimeZoneInfo zone)
    {
        var merged = new List<(string Source, DateTimeOffset From, DateTimeOffset To)>();
        var widened = ranges.Select(r => (r.Source, From: PlantUnits.Floor(r.From, unit, zone), To: PlantUnits.Ceiling(r.To, unit, zone)));
        foreach (var r in widened.OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.From))
        {
            if (merged.Count > 0 && merged[^1].Source == r.Source && r.From <= merged[^1].To)
            {
                merged[^1] = merged[^1] with { To = r.To > merged[^1].To ? r.To : merged[^1].To };
            }
            else
            {
                merged.Add(r);
            }
        }

        return merged.ToArray();
    }

    private static NpgsqlBatchCommand Ranged(string sql, (string Source, DateTimeOffset From, DateTimeOffset To)[] ranges)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new() { Value = ranges.Select(r => r.Source).ToArray() });
        command.Parameters.Add(new() { Value = ranges.Select(r => r.From.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = ranges.Select(r => r.To.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        return command;
    }
}
