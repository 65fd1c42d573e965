using Energy.Application.Common;
using Energy.Domain.Calendar;
using Energy.Domain.Shifts;

namespace Energy.Application.Settings;

/// <summary>A shift as sent: name and two times of day as text.</summary>
public sealed record ShiftInput(string Name, string Start, string End);

/// <summary>(ext) <c>PUT /api_3/shifts</c>: replaces the plan on the <c>settings-shifts</c> stream.</summary>
public sealed class ShiftsHandler(StreamCommands commands, TimeProvider clock)
{
    public Task<ShiftPlan> ChangeAsync(IReadOnlyList<ShiftInput> input, Actor actor, CancellationToken ct = default)
    {
        var command = new ChangeShifts(new ShiftPlan(input.Select(Parse).ToList()), clock.GetUtcNow());
        return commands.HandleAsync(
            ShiftSettings.StreamId,
            ShiftSettings.Initial,
            ShiftSettings.Evolve,
            state => DomainRules.AsBadParameter(() => ShiftSettings.Decide(command, state)),
            actor,
            ct: ct);
    }

    private static Shift Parse(ShiftInput shift, int index) => new(
        shift.Name.Trim(),
        Time($"[{index}].Start", shift.Start),
        Time($"[{index}].End", shift.End));

    private static TimeOnly Time(string field, string text) =>
        ClockTime.TryParse(text) ?? throw ContractError.BadParameter(field, $"must be a time of day like \"08:00:00\", got \"{text}\"");
}
