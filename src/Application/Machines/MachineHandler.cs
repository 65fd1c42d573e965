using Energy.Application.Common;
using Energy.Application.Meters;
using Energy.Domain.Machines;
using Npgsql;

namespace Energy.Application.Machines;

/// <summary>Seed 2.6–2.8: create, change and delete machines, one stream <c>machine-&lt;id&gt;</c> each.</summary>
public sealed class MachineHandler(StreamCommands commands, Ids ids, NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const string NameKind = "machine";

    public async Task<long> RegisterAsync(MachineDetails details, Actor actor, CancellationToken ct = default)
    {
        details = Checked(details);
        var id = await ids.NextAsync("machine", ct);
        await Handle(id, new RegisterMachine(id, details), actor, (conn, tx, _) =>
            UniqueNames.ReserveAsync(conn, tx, NameKind, "machine", details.Name, id, ct), ct);
        return id;
    }

    public async Task ChangeAsync(long id, MachineDetails details, Actor actor, CancellationToken ct = default)
    {
        details = Checked(details);
        await Handle(id, new ChangeMachine(id, details), actor, async (conn, tx, _) =>
        {
            await UniqueNames.ReserveAsync(conn, tx, NameKind, "machine", details.Name, id, ct);
            await UniqueNames.ReleaseAsync(conn, tx, NameKind, id, details.Name, ct);
        }, ct);
    }

    /// <summary>CONTRACT §4: refused (4004) while the machine has live meters.</summary>
    public async Task DeleteAsync(long id, Actor actor, CancellationToken ct = default)
    {
        int liveMeters;
        await using (var conn = await dataSource.OpenConnectionAsync(ct))
        {
            liveMeters = await LiveMetersAsync(conn, null, id, ct);
        }

        await Handle(id, new DeleteMachine(id, clock.GetUtcNow(), liveMeters), actor, async (conn, tx, _) =>
        {
            // The count above may be stale: lock the machine's row (meter creation holds it FOR SHARE)
            // and count again, so a meter created meanwhile is never left on a deleted machine.
            await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM machines WHERE id = $1 FOR UPDATE", conn, tx))
            {
                lockRow.Parameters.Add(new() { Value = id });
                await lockRow.ExecuteNonQueryAsync(ct);
            }

            var now = await LiveMetersAsync(conn, tx, id, ct);
            if (now > 0)
            {
                throw ContractError.DataError($"machine {id} still has {now} meter(s); delete or move them first");
            }

            await UniqueNames.ReleaseAsync(conn, tx, NameKind, id, null, ct);
        }, ct);
    }

    internal Task Handle(long id, MachineCommand command, Actor actor, Func<NpgsqlConnection, NpgsqlTransaction, IReadOnlyList<object>, Task>? alongside, CancellationToken ct) =>
        CatalogErrors.Translate(() => commands.HandleAsync(
            Machine.StreamId(id), Machine.None, Machine.Evolve, state => MachineDecider.Decide(command, state), actor, alongside, ct));

    private static async Task<int> LiveMetersAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, long machineId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT count(*)::int FROM meters WHERE machine_id = $1 AND deleted_at IS NULL", conn, tx);
        cmd.Parameters.Add(new() { Value = machineId });
        return (int)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static MachineDetails Checked(MachineDetails details)
    {
        var name = details.Name.Trim();
        if (name.Length is 0 or > 100)
        {
            throw ContractError.BadParameter("Meter_Superior", "must be a machine name of 1–100 characters");
        }

        var department = details.Department.Trim();
        if (department.Length is 0 or > 100)
        {
            throw ContractError.BadParameter("Meter_Department", "must be a department name of 1–100 characters");
        }

        return new MachineDetails(name, department, details.EquipmentCode.Trim(), details.EquipmentUnitCode.Trim());
    }
}
