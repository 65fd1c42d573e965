using Dapper;
using Energy.Application.Common;
using Npgsql;

namespace Energy.Application.Oee;

/// <summary>A rule as 7.1 lists it.</summary>
public sealed record OeeRuleRow(long Id, string Name, string StatusName, long MachineId, long MeterId, string Parameter, decimal Lower, decimal Upper);

/// <summary>Seed 7.1: the live rules by id, a page at a time; (ext) only one machine's with <c>Meter_Superior_id</c>.</summary>
public sealed class OeeRuleQueries(NpgsqlDataSource dataSource)
{
    private const string Where = "WHERE removed_at IS NULL AND (@MachineId::bigint IS NULL OR machine_id = @MachineId)";

    public async Task<(IReadOnlyList<OeeRuleRow> Rows, long Total)> ListAsync(long? machineId, Paging paging, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition($"""
            SELECT id, name, status_name AS StatusName, machine_id AS MachineId, meter_id AS MeterId, parameter,
                   lower_limit AS Lower, upper_limit AS Upper
            FROM oee_rules {Where} ORDER BY id LIMIT @Limit OFFSET @Offset;
            SELECT count(*) FROM oee_rules {Where};
            """, new { MachineId = machineId, paging.Limit, paging.Offset }, cancellationToken: ct));
        var rows = (await results.ReadAsync<OeeRuleRow>()).AsList();
        return (rows, await results.ReadSingleAsync<long>());
    }
}
