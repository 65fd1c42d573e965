using Dapper;
using Energy.Application.Common;
using Energy.Domain.Machines;
using Energy.Domain.Meters;
using Energy.Application.EventStore;
using Npgsql;

namespace Energy.Application.Meters;

/// <summary>A meter as 2.3 lists it, with its machine's name and department.</summary>
public sealed record MeterRow(
    long Id,
    string Name,
    int EnergyType,
    long MachineId,
    string MachineName,
    string Department,
    string Remarks,
    decimal TotalAmount,
    bool IsVirtual,
    string Formula,
    bool IsTotal,
    bool IsCount,
    bool IsHandWork,
    string DeviceCode,
    string Parameters,
    long Version);

/// <summary>2.3 filters; null means no filter. <paramref name="MachineName"/> is 2.3's <c>Meter_Superior</c>.</summary>
public sealed record MeterFilter(
    long? Id = null, int? EnergyType = null, string? MachineName = null, bool? IsHandWork = null, bool? IsCount = null, string? DeviceCode = null);

/// <summary>Seed 2.3 and the as-of audit of a meter.</summary>
public sealed class MeterListQueries(NpgsqlDataSource dataSource, IEventStore store)
{
    private const string From = """
        FROM meters m LEFT JOIN machines s ON s.id = m.machine_id
        WHERE m.deleted_at IS NULL
          AND (@Id::bigint IS NULL OR m.id = @Id)
          AND (@EnergyType::int IS NULL OR m.energy_type = @EnergyType)
          AND (@MachineName::text IS NULL OR s.name = @MachineName)
          AND (@IsHandWork::boolean IS NULL OR m.is_handwork = @IsHandWork)
          AND (@IsCount::boolean IS NULL OR m.is_count = @IsCount)
          AND (@DeviceCode::text IS NULL OR m.device_code = @DeviceCode)
        """;

    /// <summary>
    /// 2.3 <c>Meter_Parameter</c> (CONTRACT §4): the instantaneous parameters the devices bound to the meter have
    /// reported, from the measurement read model; the counter EP and its tariff registers are not parameters.
    /// </summary>
    private const string ReportedParameters = """
        coalesce((SELECT string_agg(DISTINCT p.parameter, ',' ORDER BY p.parameter)
                  FROM meter_bindings b JOIN measure_parameters p ON p.device = b.device_code
                  WHERE b.meter_id = m.id AND p.parameter NOT LIKE 'EP%'), '')
        """;

    public async Task<(IReadOnlyList<MeterRow> Rows, long Total)> ListAsync(MeterFilter filter, Paging paging, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var args = new { filter.Id, filter.EnergyType, filter.MachineName, filter.IsHandWork, filter.IsCount, filter.DeviceCode, paging.Limit, paging.Offset };
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition($"""
            SELECT m.id, m.name, m.energy_type AS EnergyType, m.machine_id AS MachineId, coalesce(s.name, '') AS MachineName,
                   coalesce(s.department, '') AS Department, m.remarks, m.total_amount AS TotalAmount, m.is_virtual AS IsVirtual,
                   m.formula, m.is_total AS IsTotal, m.is_count AS IsCount, m.is_handwork AS IsHandWork,
                   m.device_code AS DeviceCode, {ReportedParameters} AS parameters, m.version
            {From} ORDER BY m.id LIMIT @Limit OFFSET @Offset;
            SELECT count(*) {From};
            """, args, cancellationToken: ct));
        var rows = (await results.ReadAsync<MeterRow>()).AsList();
        return (rows, await results.ReadSingleAsync<long>());
    }

    /// <summary>
    /// The meter as it stood at <paramref name="instant"/>, with its machine as that stood then, folded from
    /// their streams; null if the meter did not exist (or was deleted) then. <c>Parameters</c> is today's list.
    /// </summary>
    public async Task<MeterRow?> AsOfAsync(long id, DateTimeOffset instant, CancellationToken ct = default)
    {
        var at = StreamPosition.AtTime(instant);
        var folded = await store.AggregateStreamAsync(Meter.StreamId(id), Meter.None, Meter.Evolve, at, ct);
        var meter = folded.State;
        if (!meter.IsLive)
        {
            return null;
        }

        var d = meter.Details;
        var machine = (await store.AggregateStreamAsync(Machine.StreamId(d.MachineId), Machine.None, Machine.Evolve, at, ct)).State;
        await using var cmd = dataSource.CreateCommand($"SELECT {ReportedParameters} FROM meters m WHERE m.id = $1");
        cmd.Parameters.Add(new() { Value = id });
        var parameters = await cmd.ExecuteScalarAsync(ct) as string ?? "";
        return new MeterRow(
            meter.Id, d.Name, d.EnergyType, d.MachineId, machine.Details.Name, machine.Details.Department, d.Remarks, meter.TotalAmount,
            d.IsVirtual, d.Formula, d.IsTotal, d.IsCount, d.IsHandWork, meter.DeviceCode, parameters, folded.Version);
    }
}
