using Energy.Application.Common;
using Energy.Domain.Meters;
using Npgsql;

namespace Energy.Application.Meters;

public sealed partial class MeterHandler
{
    /// <summary>CONTRACT §4: a formula names live meters only, and no virtual meter depends on itself.</summary>
    private static async Task CheckFormulaAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long id, string text, CancellationToken ct)
    {
        var formula = Parse(text);
        var live = await LockAndLoadLiveAsync(conn, tx, ct);
        var unknown = formula.ReferencedMeters.Where(r => !live.ContainsKey(r)).ToList();
        if (unknown.Count > 0)
        {
            throw ContractError.BadParameter("Meter_Formula",
                $"refers to {string.Join(", ", unknown.Select(u => $"{{{u}}}"))} at position {formula.PositionOf(unknown[0])}: no such meter");
        }

        var cycle = FormulaGraph.FindCycle(id, formula.ReferencedMeters, other => live.GetValueOrDefault(other) ?? (IEnumerable<long>)[]);
        if (cycle is not null)
        {
            throw ContractError.BadParameter("Meter_Formula",
                $"makes a cycle {string.Join(" → ", cycle.Select(m => $"{{{m}}}"))} (the reference at position {formula.PositionOf(cycle[1])}); "
                + "a virtual meter cannot depend on itself");
        }
    }

    /// <summary>A meter a live virtual meter's formula names cannot be deleted: the formula would lose a term.</summary>
    private static async Task RequireUnreferencedAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long id, CancellationToken ct)
    {
        var live = await LockAndLoadLiveAsync(conn, tx, ct);
        var users = live.Where(m => m.Key != id && m.Value is { } refs && refs.Contains(id)).Select(m => m.Key).Order().ToList();
        if (users.Count > 0)
        {
            throw ContractError.DataError(
                $"meter {id} is used in the formula of virtual meter(s) {string.Join(", ", users)}; change those formulas first");
        }
    }

    /// <summary>Live meters: id → the meters its formula names (null for a real meter).</summary>
    private static async Task<Dictionary<long, IReadOnlySet<long>?>> LockAndLoadLiveAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using (var lockGraph = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({FormulaGraphLock})", conn, tx))
        {
            await lockGraph.ExecuteNonQueryAsync(ct);
        }

        var live = new Dictionary<long, IReadOnlySet<long>?>();
        await using var cmd = new NpgsqlCommand("SELECT id, is_virtual, formula FROM meters WHERE deleted_at IS NULL", conn, tx);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            live[reader.GetInt64(0)] = reader.GetBoolean(1) ? MeterFormula.Parse(reader.GetString(2)).ReferencedMeters : null;
        }

        return live;
    }
}
