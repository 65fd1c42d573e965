using Energy.Application.Common;
using Energy.Domain.Meters;
using Npgsql;

namespace Energy.Application.Meters;

public sealed partial class MeterHandler
{
    // One transaction-scoped advisory lock serializes every write that could change the formula graph
    // (a virtual formula set, a meter deleted), so two requests cannot each close half of a cycle.
    private const long FormulaGraphLock = 0x4D45_5445_5246; // "METERF"

    private Task<Meter> Handle(long id, Func<Meter, MeterCommand> commandFor, Actor actor, Meter? initial, CancellationToken ct)
    {
        var before = Meter.None;
        return CatalogErrors.Translate(() => commands.HandleAsync(
            Meter.StreamId(id),
            initial ?? Meter.None,
            Meter.Evolve,
            state =>
            {
                before = state;
                return MeterDecider.Decide(commandFor(state), state);
            },
            actor,
            (conn, tx, events) => AlongsideAsync(conn, tx, id, before, events, ct),
            ct));
    }

    /// <summary>The catalog-wide rules, checked in the appending transaction against committed data.</summary>
    private static async Task AlongsideAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long id, Meter before, IReadOnlyList<object> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case MeterRegistered r:
                    await DescribedAsync(conn, tx, id, Meter.None.Details, r.Details, ct);
                    break;
                case MeterChanged c:
                    await DescribedAsync(conn, tx, id, before.Details, c.Details, ct);
                    break;
                case MeterUnboundFromDevice:
                    await UniqueNames.ReleaseAsync(conn, tx, CodeKind, id, null, ct);
                    break;
                case MeterBoundToDevice b:
                    await ReserveCodeAsync(conn, tx, id, b.DeviceCode, ct);
                    break;
                case MeterDeleted:
                    await UniqueNames.ReleaseAsync(conn, tx, NameKind, id, null, ct);
                    await RequireUnreferencedAsync(conn, tx, id, ct);
                    break;
            }
        }
    }

    private static async Task DescribedAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long id, MeterDetails before, MeterDetails after, CancellationToken ct)
    {
        if (after.MachineId != before.MachineId)
        {
            // FOR SHARE on the machine's row: deleting that machine waits for us and then sees our meter.
            await using var cmd = new NpgsqlCommand("SELECT 1 FROM machines WHERE id = $1 AND deleted_at IS NULL FOR SHARE", conn, tx);
            cmd.Parameters.Add(new() { Value = after.MachineId });
            if (await cmd.ExecuteScalarAsync(ct) is null)
            {
                throw ContractError.DataError($"machine {after.MachineId} (Meter_Superior_id) does not exist; a meter must belong to an existing machine");
            }
        }

        if (after.Name != before.Name)
        {
            await UniqueNames.ReserveAsync(conn, tx, NameKind, "meter", after.Name, id, ct);
            await UniqueNames.ReleaseAsync(conn, tx, NameKind, id, after.Name, ct);
        }

        if (after.IsVirtual && after.Formula != before.Formula)
        {
            await CheckFormulaAsync(conn, tx, id, after.Formula, ct);
        }
    }

    private static async Task ReserveCodeAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long id, string code, CancellationToken ct)
    {
        try
        {
            await UniqueNames.ReserveAsync(conn, tx, CodeKind, "device", code, id, ct);
        }
        catch (ContractError e) when (e.ErrNo == ErrNo.AlreadyExists)
        {
            throw new ContractError(ErrNo.AlreadyExists, $"数据已存在: device '{code}' (Meter_Code) is already bound to another meter", "Meter_Code");
        }
    }
}
