using Energy.Application.Energy;
using Energy.Domain.Energy;
using Energy.Application.EventStore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Projections.Energy;

/// <summary>
/// Adds up the energy read model: each (meter, window) is cut into slot, hour, day and month rows of its sources
/// on the plant's calendar (<see cref="WindowPieces"/>) and summed in one statement, one index range scan per
/// piece, so a plant year costs 12 month rows per source.
/// </summary>
public sealed partial class ConsumptionReader(NpgsqlDataSource dataSource, IConfiguration configuration, ILogger<ConsumptionReader> logger) : IConsumptionReader
{
    // The rollups are used only if they were built in the configured zone (EnergyTables.Calendar); otherwise every
    // piece is read from the slots, which no zone shapes: right, only slower. Rounded in SQL: a share of a slot cut
    // at an arbitrary instant (a deletion, a rate change) has up to 28 fraction digits, and amount × share would
    // not fit a .NET decimal when read.
    private const string Sql = $"""
        WITH c AS (
            SELECT z.zone, coalesce(z.zone = $8, NOT EXISTS (SELECT FROM {EnergyTables.Slots})) AS rollups
            FROM (SELECT (SELECT zone FROM {EnergyTables.Calendar}) AS zone) z)
        SELECT p.k, p.w, coalesce(round(sum(p.share * CASE
                WHEN p.res = 0 OR NOT c.rollups THEN (SELECT sum(amount) FROM {EnergyTables.Slots} WHERE device = p.source AND slot >= p.f AND slot < p.t)
                WHEN p.res = 1 THEN (SELECT sum(amount) FROM {EnergyTables.Hours} WHERE device = p.source AND hour >= p.f AND hour < p.t)
                WHEN p.res = 2 THEN (SELECT sum(amount) FROM {EnergyTables.Days} WHERE device = p.source AND day >= p.f AND day < p.t)
                ELSE (SELECT sum(amount) FROM {EnergyTables.Months} WHERE device = p.source AND month >= p.f AND month < p.t)
            END), 9), 0), c.rollups, c.zone
        FROM unnest($1::bigint[], $2::int[], $3::int[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::numeric[]) AS p(k, w, res, source, f, t, share)
        CROSS JOIN c
        GROUP BY p.k, p.w, c.rollups, c.zone
        """;

    private readonly PlantZone zone = PlantZone.From(configuration);
    private int warned;

    public async Task<IReadOnlyDictionary<long, decimal[]>> ReadAsync(
        IReadOnlyDictionary<long, IReadOnlyList<SourceSpan>> spansByMeter, IReadOnlyList<TimeWindow> windows, long? asOfSequence = null, CancellationToken ct = default)
    {
        if (asOfSequence is { } sequence)
        {
            return await ReadAsOfAsync(spansByMeter, windows, sequence, ct);
        }

        var result = spansByMeter.Keys.ToDictionary(k => k, _ => new decimal[windows.Count]);
        var pieces = Pieces(spansByMeter, windows).ToList();
        if (pieces.Count == 0)
        {
            return result;
        }

        // Prepared (on a connection of its own: a data source's command cannot be), and without JIT: the planner
        // prices every CASE branch's subquery for every piece, slots included, so a year of 1000 meters looked like
        // 500k cost units and was JIT-compiled at each new plan, ~460 ms for a statement that runs in 8.
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(TransactionSettings.Command(("jit", "off")));
        var sum = new NpgsqlBatchCommand(Sql);
        sum.Parameters.Add(new() { Value = pieces.Select(p => p.Meter).ToArray() });
        sum.Parameters.Add(new() { Value = pieces.Select(p => p.Window).ToArray() });
        sum.Parameters.Add(new() { Value = pieces.Select(p => (int)p.Piece.Resolution).ToArray() });
        sum.Parameters.Add(new() { Value = pieces.Select(p => p.Source).ToArray() });
        sum.Parameters.Add(new() { Value = pieces.Select(p => p.Piece.From.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        sum.Parameters.Add(new() { Value = pieces.Select(p => p.Piece.To.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        sum.Parameters.Add(new() { Value = pieces.Select(p => p.Piece.Share).ToArray() });
        sum.Parameters.Add(new() { Value = zone.Id });
        batch.BatchCommands.Add(sum);
        await batch.PrepareAsync(ct);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetInt64(0)][reader.GetInt32(1)] = Math.Round(reader.GetDecimal(2), ConsumptionCurve.Scale);
            if (!reader.GetBoolean(3) && Interlocked.Exchange(ref warned, 1) == 0)
            {
                LogRollupsInAnotherZone(logger, reader.IsDBNull(4) ? "no recorded zone" : reader.GetString(4), zone.Id);
            }
        }

        return result;
    }

    public async Task<long> CurrentSequenceAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT last_seq_id FROM mt_event_progression WHERE name = 'energy:All'");
        return await cmd.ExecuteScalarAsync(ct) is long floor ? floor : 0;
    }

    private IEnumerable<(long Meter, int Window, string Source, WindowPiece Piece)> Pieces(
        IReadOnlyDictionary<long, IReadOnlyList<SourceSpan>> spansByMeter, IReadOnlyList<TimeWindow> windows)
    {
        // Most meters read the same windows whole: each distinct (from, to) is cut once.
        var cut = new Dictionary<(DateTimeOffset, DateTimeOffset), IReadOnlyList<WindowPiece>>();
        foreach (var (meter, spans) in spansByMeter)
        {
            foreach (var span in spans)
            {
                for (var w = 0; w < windows.Count; w++)
                {
                    var from = span.From > windows[w].From ? span.From : windows[w].From;
                    var to = span.To < windows[w].To ? span.To : windows[w].To;
                    if (!cut.TryGetValue((from, to), out var pieces))
                    {
                        cut[(from, to)] = pieces = WindowPieces.Of(from, to, zone.Info);
                    }

                    foreach (var piece in pieces)
                    {
                        yield return (meter, w, span.Source, piece);
                    }
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The energy rollups were built in {Built}, not in Energy:TimeZone {Configured}: consumption is added up from the 15-minute slots (right, but slower) until the energy projection is rebuilt (POST /api_3/ops/projections/energy/rebuild, or dotnet run --project src/Http -- projections rebuild energy)")]
    private static partial void LogRollupsInAnotherZone(ILogger logger, string built, string configured);
}
