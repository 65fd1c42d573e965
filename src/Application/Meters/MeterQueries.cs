using Dapper;
using Energy.Domain.Meters;
using Npgsql;

namespace Energy.Application.Meters;

/// <summary>What other features need to know about a meter (energy totals, readings, alarms, OEE, reports).</summary>
/// <param name="EnergyType">CONTRACT §2 code 0–8.</param>
/// <param name="IsCount">Counted in aggregate totals (Amount_Type 1, 3, 4; CONTRACT §4).</param>
/// <param name="Formula">The virtual meter's formula text; "" for a real meter. See <see cref="ParseFormula"/>.</param>
/// <param name="DeviceCode">The device bound now, "" when none; history via <see cref="MeterQueries.BindingsOfDeviceAsync"/>.</param>
/// <param name="DeletedAt">When the meter stopped counting; null while it is live.</param>
public sealed record MeterFacts(
    long MeterId,
    string Name,
    int EnergyType,
    long MachineId,
    string MachineName,
    string Department,
    bool IsCount,
    bool IsVirtual,
    string Formula,
    bool IsTotal,
    bool IsHandWork,
    string DeviceCode,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? DeletedAt)
{
    /// <summary>The parsed formula of a virtual meter (evaluate it over the referenced meters' consumption); null for a real one.</summary>
    public MeterFormula? ParseFormula() => IsVirtual ? MeterFormula.Parse(Formula) : null;
}

/// <summary>One binding of a device to a meter: the meter shows the device's readings in [From, Until).</summary>
/// <param name="AttributedFrom">From when the device's readings count for this meter (meter_bindings, docs/ATTRIBUTION.md):
/// <see cref="DateTimeOffset.MinValue"/> for a device's first binding, else <paramref name="From"/>.</param>
public sealed record MeterBinding(long MeterId, string DeviceCode, DateTimeOffset From, DateTimeOffset? Until, DateTimeOffset AttributedFrom);

/// <summary>
/// Read-only answers about the meter catalog for later features, from the inline read models (so they
/// reflect every acknowledged write). Deleted meters are included where history needs them.
/// </summary>
public sealed class MeterQueries(NpgsqlDataSource dataSource)
{
    private const string Facts = """
        SELECT m.id AS MeterId, m.name, m.energy_type AS EnergyType, m.machine_id AS MachineId,
               coalesce(s.name, '') AS MachineName, coalesce(s.department, '') AS Department, m.is_count AS IsCount,
               m.is_virtual AS IsVirtual, m.formula, m.is_total AS IsTotal, m.is_handwork AS IsHandWork,
               m.device_code AS DeviceCode, m.registered_at AS RegisteredAt, m.deleted_at AS DeletedAt
        FROM meters m LEFT JOIN machines s ON s.id = m.machine_id
        """;

    /// <summary>The meter device <paramref name="deviceCode"/>'s reading at <paramref name="instant"/> belongs to, or null (<c>reading_meter</c>, docs/ATTRIBUTION.md).</summary>
    public async Task<long?> MeterOfReadingAsync(string deviceCode, DateTimeOffset instant, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT meter_id FROM reading_meter(@deviceCode, @at)", new { deviceCode, at = instant.UtcDateTime }, cancellationToken: ct));
    }

    /// <summary>Every binding of every device, oldest first, with the instant readings count for it from (one query for the energy totals of many meters).</summary>
    public async Task<IReadOnlyList<MeterBinding>> AllBindingsAsync(CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long MeterId, string DeviceCode, DateTime From, DateTime? Until, DateTime AttributedFrom)>(new CommandDefinition(
            "SELECT meter_id, device_code, bound_from, bound_until, attributed_from FROM meter_bindings ORDER BY bound_from, seq_id", cancellationToken: ct));
        return rows.Select(r => new MeterBinding(r.MeterId, r.DeviceCode, Utc(r.From), r.Until is { } u ? Utc(u) : null, Utc(r.AttributedFrom))).ToList();
    }

    /// <summary>The meter by id, live or deleted; null if it never existed.</summary>
    public async Task<MeterFacts?> FindAsync(long meterId, CancellationToken ct = default) =>
        (await QueryAsync($"{Facts} WHERE m.id = @meterId", new { meterId }, ct)).SingleOrDefault();

    /// <summary>The live meter with this name (names are unique among live meters); null if none.</summary>
    public async Task<MeterFacts?> FindByNameAsync(string name, CancellationToken ct = default) =>
        (await QueryAsync($"{Facts} WHERE m.name = @name AND m.deleted_at IS NULL", new { name }, ct)).SingleOrDefault();

    /// <summary>The live meters of a machine, by id.</summary>
    public Task<IReadOnlyList<MeterFacts>> OfMachineAsync(long machineId, CancellationToken ct = default) =>
        QueryAsync($"{Facts} WHERE m.machine_id = @machineId AND m.deleted_at IS NULL ORDER BY m.id", new { machineId }, ct);

    /// <summary>Every meter, by id; deleted ones too when <paramref name="includeDeleted"/> (their past still counts).</summary>
    public Task<IReadOnlyList<MeterFacts>> AllAsync(bool includeDeleted = false, CancellationToken ct = default) =>
        QueryAsync($"{Facts} WHERE @includeDeleted OR m.deleted_at IS NULL ORDER BY m.id", new { includeDeleted }, ct);

    private async Task<IReadOnlyList<MeterFacts>> QueryAsync(string sql, object args, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<FactsRow>(new CommandDefinition(sql, args, cancellationToken: ct));
        return rows.Select(r => r.ToFacts()).ToList();
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record FactsRow(
        long MeterId, string Name, int EnergyType, long MachineId, string MachineName, string Department, bool IsCount,
        bool IsVirtual, string Formula, bool IsTotal, bool IsHandWork, string DeviceCode, DateTime RegisteredAt, DateTime? DeletedAt)
    {
        public MeterFacts ToFacts() => new(
            MeterId, Name, EnergyType, MachineId, MachineName, Department, IsCount, IsVirtual, Formula, IsTotal, IsHandWork,
            DeviceCode, Utc(RegisteredAt), DeletedAt is { } d ? Utc(d) : null);
    }
}
