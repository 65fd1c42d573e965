using Dapper;
using Energy.Application.Common;
using Energy.Domain.Machines;
using Energy.Application.EventStore;
using Npgsql;

namespace Energy.Application.Machines;

/// <summary>A machine as 2.5 lists it.</summary>
public sealed record MachineRow(long Id, string Name, string Department, string EquipmentCode, string EquipmentUnitCode, string ImageUrl);

/// <summary>2.5 filters; null means no filter.</summary>
public sealed record MachineFilter(long? Id = null, string? Department = null);

/// <summary>Seed 2.5 and the as-of audit of a machine.</summary>
public sealed class MachineQueries(NpgsqlDataSource dataSource, IEventStore store)
{
    private const string Where = """
        WHERE deleted_at IS NULL AND (@Id::bigint IS NULL OR id = @Id) AND (@Department::text IS NULL OR department = @Department)
        """;

    public async Task<(IReadOnlyList<MachineRow> Rows, long Total)> ListAsync(MachineFilter filter, Paging paging, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var args = new { filter.Id, filter.Department, paging.Limit, paging.Offset };
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition($"""
            SELECT id, name, department, equipment_code AS EquipmentCode, equipment_unit_code AS EquipmentUnitCode, image_url AS ImageUrl
            FROM machines {Where} ORDER BY id LIMIT @Limit OFFSET @Offset;
            SELECT count(*) FROM machines {Where};
            """, args, cancellationToken: ct));
        var rows = (await results.ReadAsync<MachineRow>()).AsList();
        return (rows, await results.ReadSingleAsync<long>());
    }

    /// <summary>The machine as it stood at <paramref name="instant"/>, folded from its stream; null if it did not exist then.</summary>
    public async Task<Machine?> AsOfAsync(long id, DateTimeOffset instant, CancellationToken ct = default)
    {
        var folded = await store.AggregateStreamAsync(Machine.StreamId(id), Machine.None, Machine.Evolve, StreamPosition.AtTime(instant), ct);
        return folded.State.IsLive ? folded.State : null;
    }

    public static MachineRow ToRow(Machine machine) => new(
        machine.Id, machine.Details.Name, machine.Details.Department, machine.Details.EquipmentCode,
        machine.Details.EquipmentUnitCode, machine.ImageUrl);
}
