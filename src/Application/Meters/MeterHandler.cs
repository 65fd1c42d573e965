using Energy.Application.Common;
using Energy.Domain.Meters;
using Energy.Domain.Readings;
using Energy.Application.EventStore;
using Npgsql;

namespace Energy.Application.Meters;

/// <summary>
/// Seed 2.1, 2.2, 2.4: create, change and delete meters, one stream <c>meter-&lt;id&gt;</c> each. Rules that
/// need the rest of the catalog (the machine exists, names and device codes are unique, formulas name live
/// meters without cycles) are checked again inside the appending transaction, under locks, so concurrent
/// requests cannot slip past each other.
/// </summary>
public sealed partial class MeterHandler(StreamCommands commands, Ids ids, NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const string NameKind = "meter";
    public const string CodeKind = "meter_code";

    public async Task<long> RegisterAsync(MeterInput input, Actor actor, CancellationToken ct = default)
    {
        input = Checked(input);
        var details = Edit(input).ApplyTo(Meter.None.Details);
        var machineIsLive = await MachineIsLiveAsync(input.MachineId, ct);
        var id = await ids.NextAsync("meter", ct);
        var command = new RegisterMeter(id, details, input.DeviceCode ?? "", input.TotalAmount, clock.GetUtcNow(), machineIsLive);
        await Handle(id, _ => command, actor, Meter.None, ct);
        return id;
    }

    /// <summary>
    /// An update made against the meter as first read here: when another update lands in between, the
    /// fields this one changes are applied on top of it, and a field both changed differently is 4004.
    /// </summary>
    public async Task ChangeAsync(long id, MeterInput input, Actor actor, CancellationToken ct = default)
    {
        input = Checked(input);
        var machineIsLive = await MachineIsLiveAsync(input.MachineId, ct);
        var at = clock.GetUtcNow();
        var basis = input.BaseVersion is { } version ? await DetailsAtVersionAsync(id, version, ct) : null;
        await Handle(id, state =>
        {
            basis ??= state.Details;
            return new ChangeMeter(id, Edit(input), basis, input.DeviceCode, input.TotalAmount, at, machineIsLive);
        }, actor, null, ct);
    }

    public Task DeleteAsync(long id, Actor actor, CancellationToken ct = default)
    {
        var at = clock.GetUtcNow();
        return Handle(id, _ => new DeleteMeter(id, at), actor, null, ct);
    }

    private async Task<MeterDetails> DetailsAtVersionAsync(long id, long version, CancellationToken ct)
    {
        var folded = await commands.Store.AggregateStreamAsync(Meter.StreamId(id), Meter.None, Meter.Evolve, StreamPosition.AtVersion(version), ct);
        return version > 0 && folded.Version == version && folded.State.Exists
            ? folded.State.Details
            : throw ContractError.BadParameter("Meter_Version", $"meter {id} has no version {version}; read the meter again");
    }

    private static MeterEdit Edit(MeterInput input) => new(
        input.Name, input.EnergyType, input.MachineId, input.Remarks, input.IsVirtual, input.Formula,
        input.IsTotal, input.IsCount, input.IsHandWork);

    private async Task<bool> MachineIsLiveAsync(long machineId, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM machines WHERE id = $1 AND deleted_at IS NULL)");
        cmd.Parameters.Add(new() { Value = machineId });
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static MeterInput Checked(MeterInput input)
    {
        var name = input.Name.Trim();
        if (name.Length is 0 or > 100)
        {
            throw ContractError.BadParameter("Meter_Name", "must be a meter name of 1–100 characters");
        }

        if (input.MachineId <= 0)
        {
            throw ContractError.BadParameter("Meter_Superior_id", $"must be a positive machine id, got {input.MachineId}");
        }

        var code = input.DeviceCode?.Trim();
        // The push endpoint's rule (CONTRACT §4): a code that could never receive readings is refused, not bound.
        if (code is { Length: > 0 } && !DeviceNumber.IsValid(code))
        {
            throw ContractError.BadParameter("Meter_Code", DeviceNumber.Expectation(code));
        }

        var formula = input.Formula?.Trim();
        if (formula is { Length: > 0 })
        {
            // Syntax first, before an id is taken; references and cycles are checked in the transaction.
            Parse(formula);
        }

        return input with { Name = name, DeviceCode = code, Formula = formula, Remarks = input.Remarks?.Trim() };
    }

    internal static MeterFormula Parse(string formula)
    {
        try
        {
            return MeterFormula.Parse(formula);
        }
        catch (FormulaSyntaxException e)
        {
            throw ContractError.BadParameter("Meter_Formula", e.Message);
        }
    }
}
