using Energy.Domain.Calendar;

namespace Energy.Domain.Shifts;

/// <summary>
/// The plant's shifts (CONTRACT §6, ext <c>/api_3/shifts</c>). Enforced: at least one and at most 24 shifts,
/// names non-blank and unique, and the shifts tile the 24 h day — ordered by start, each ends where the next
/// begins (the last where the first begins) — so every wall-clock instant is in exactly one shift and shift
/// amounts add up to the day's total. Not enforced: a minimum length or aligned boundaries.
/// </summary>
public sealed class ShiftPlan
{
    public const int MaxShifts = 24;

    public ShiftPlan(IReadOnlyList<Shift> shifts) => Shifts = shifts;

    /// <summary>白班 08:00–20:00 and 夜班 20:00–08:00.</summary>
    public static ShiftPlan Default { get; } = new(
    [
        new Shift("白班", new TimeOnly(8, 0), new TimeOnly(20, 0)),
        new Shift("夜班", new TimeOnly(20, 0), new TimeOnly(8, 0)),
    ]);

    /// <summary>The shifts in the order they were given (the order responses show).</summary>
    public IReadOnlyList<Shift> Shifts { get; }

    /// <summary>The shift a wall-clock time of day falls in.</summary>
    public Shift ShiftAt(TimeOnly time) => Shifts.First(s => s.Contains(time));

    /// <summary>The shift a wall-clock instant falls in.</summary>
    public Shift ShiftAt(DateTime wallClock) => ShiftAt(TimeOnly.FromDateTime(wallClock));

    public bool SameAs(ShiftPlan other) => Shifts.SequenceEqual(other.Shifts);

    /// <summary>Throws <see cref="DomainRuleException"/> naming the entry (<c>[1].End</c>) that breaks a rule.</summary>
    public ShiftPlan Validate()
    {
        if (Shifts.Count is 0 or > MaxShifts)
        {
            throw new DomainRuleException("", $"must list 1 to {MaxShifts} shifts, got {Shifts.Count}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Shifts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Shifts[i].Name) || Shifts[i].Name.Length > 64)
            {
                throw new DomainRuleException($"[{i}].Shift_Name", "must be a name of 1 to 64 characters");
            }

            if (!names.Add(Shifts[i].Name))
            {
                throw new DomainRuleException($"[{i}].Shift_Name", $"'{Shifts[i].Name}' is used by another shift; names must be unique");
            }
        }

        var order = Enumerable.Range(0, Shifts.Count).OrderBy(i => Shifts[i].Start).ToList();
        for (var k = 0; k < order.Count; k++)
        {
            var shift = Shifts[order[k]];
            var next = Shifts[order[(k + 1) % order.Count]];
            if (k + 1 < order.Count && next.Start == shift.Start)
            {
                throw new DomainRuleException($"[{order[k + 1]}].Start", $"{ClockTime.Format(next.Start)} is also the start of '{shift.Name}'; shifts must not overlap");
            }

            if (shift.End != next.Start)
            {
                throw new DomainRuleException($"[{order[k]}].End",
                    $"'{shift.Name}' must end where the next shift '{next.Name}' starts ({ClockTime.Format(next.Start)}), got {ClockTime.Format(shift.End)}: shifts must cover the 24 h without gaps or overlaps");
            }
        }

        return this;
    }
}
