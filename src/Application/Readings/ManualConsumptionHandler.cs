using Energy.Application.Meters;
using System.Globalization;
using Energy.Application.Common;
using Energy.Domain.Readings;
using Npgsql;

namespace Energy.Application.Readings;

/// <summary>Seed 5.6 as the edge reads it: <c>Date_Type</c> "2" month / "3" day.</summary>
public sealed record RecordManualFill(long MeterId, string DateTime, string DateType, decimal Amount);

/// <summary>
/// Seed 5.6 添加填报数据: a person fills in a hand-work meter's consumption of a day or a month; a later fill of
/// the same period corrects it (CONTRACT §4 <c>Is_HandWork</c>).
/// </summary>
public sealed class ManualConsumptionHandler(StreamCommands commands, MeterQueries meters, PlantTime plantTime, TimeProvider clock)
{
    public async Task RecordAsync(RecordManualFill fill, Actor actor, CancellationToken ct)
    {
        if (fill.MeterId <= 0)
        {
            throw ContractError.BadParameter("Meter_id", $"must be a meter id (a positive integer), got {fill.MeterId}");
        }

        var kind = fill.DateType.Trim() switch
        {
            "2" => ManualPeriodKind.Month,
            "3" => ManualPeriodKind.Day,
            _ => throw ContractError.BadParameter("Date_Type", $"must be \"2\" (month) or \"3\" (day), got \"{fill.DateType}\""),
        };
        if (fill.Amount < 0)
        {
            throw ContractError.BadParameter("Data_Amount", $"must not be negative, got {fill.Amount.ToString(CultureInfo.InvariantCulture)}");
        }

        // The period is the one the wall-clock date names (CONTRACT §6 label); the energy projection maps it to
        // the reporting day or month and spreads the amount evenly over it (CONTRACT §4).
        var instant = plantTime.Parse(fill.DateTime, "Date_Time");
        if (ReadingWindow.Refusal(instant, clock.GetUtcNow(), ReadingWindow.DefaultLead, plantTime) is { } implausible)
        {
            throw ContractError.BadParameter("Date_Time", implausible);
        }

        var wallClock = plantTime.ToWallClock(instant);
        var label = wallClock.ToString(kind == ManualPeriodKind.Day ? "yyyy-MM-dd" : "yyyy-MM", CultureInfo.InvariantCulture);
        await RequireHandWorkMeterAsync(fill.MeterId, ct);

        var command = new RecordManualConsumption(fill.MeterId, kind, label, fill.Amount, clock.GetUtcNow(), actor.UserName);
        await commands.HandleAsync(
            ManualConsumption.StreamId(fill.MeterId),
            ManualConsumptionState.Initial,
            ManualConsumption.Evolve,
            state => ManualConsumption.Decide(command, state),
            actor,
            ct: ct);
    }

    /// <summary>4002 for a meter that does not exist (or is deleted), 4004 for one whose data come from its device.</summary>
    private async Task RequireHandWorkMeterAsync(long meterId, CancellationToken ct)
    {
        var meter = await meters.FindAsync(meterId, ct);
        if (meter is null || meter.DeletedAt is not null)
        {
            throw ContractError.NotFound("meter", meterId);
        }

        if (!meter.IsHandWork)
        {
            throw ContractError.DataError($"meter {meterId} is not filled by hand (Is_HandWork is not 1); its data come from its device");
        }
    }
}
