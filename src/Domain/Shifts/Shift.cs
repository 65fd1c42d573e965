using Energy.Domain.Calendar;

namespace Energy.Domain.Shifts;

/// <summary>
/// A shift (CONTRACT §6, 3.5 <c>Shift_Amounts</c>): a named span of every day's wall clock, [Start, End);
/// End ≤ Start wraps past midnight (夜班 20:00–08:00); Start = End is the whole day (a plan of one shift).
/// </summary>
public sealed record Shift(string Name, TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End > Start ? End - Start : TimeSpan.FromDays(1) - (Start - End);

    public bool Contains(TimeOnly time) => Start < End
        ? Start <= time && time < End
        : time >= Start || time < End;

    public override string ToString() => $"{Name} {ClockTime.Format(Start)}–{ClockTime.Format(End)}";
}
