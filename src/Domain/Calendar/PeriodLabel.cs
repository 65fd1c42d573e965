using System.Globalization;

namespace Energy.Domain.Calendar;

/// <summary>
/// The name of a reporting year, month or day: 2019, 2019-04, 2019-04-01. <see cref="Date"/> is its first
/// natural day (2019-01-01, 2019-04-01, 2019-04-01); the period it names is what the settings make of it.
/// </summary>
public readonly record struct PeriodLabel : IComparable<PeriodLabel>
{
    public PeriodLabel(TimeType type, DateOnly date)
    {
        Type = type;
        Date = type switch
        {
            TimeType.Year => new DateOnly(date.Year, 1, 1),
            TimeType.Month => new DateOnly(date.Year, date.Month, 1),
            TimeType.Day => date,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Time_Type is 1, 2 or 3."),
        };
    }

    public TimeType Type { get; }

    public DateOnly Date { get; }

    public static PeriodLabel Year(int year) => new(TimeType.Year, new DateOnly(year, 1, 1));

    public static PeriodLabel Month(int year, int month) => new(TimeType.Month, new DateOnly(year, month, 1));

    public static PeriodLabel Day(int year, int month, int day) => new(TimeType.Day, new DateOnly(year, month, day));

    /// <summary>The label the wall-clock date names (CONTRACT §6): its natural year, month or day.</summary>
    public static PeriodLabel Naming(TimeType type, DateTime wallClock) => new(type, DateOnly.FromDateTime(wallClock));

    public PeriodLabel Next => Add(1);

    public PeriodLabel Previous => Add(-1);

    public PeriodLabel Add(int count) => Type switch
    {
        TimeType.Year => new(Type, Date.AddYears(count)),
        TimeType.Month => new(Type, Date.AddMonths(count)),
        _ => new(Type, Date.AddDays(count)),
    };

    public int CompareTo(PeriodLabel other) => Date.CompareTo(other.Date);

    public static bool operator <(PeriodLabel left, PeriodLabel right) => left.CompareTo(right) < 0;

    public static bool operator >(PeriodLabel left, PeriodLabel right) => left.CompareTo(right) > 0;

    public static bool operator <=(PeriodLabel left, PeriodLabel right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PeriodLabel left, PeriodLabel right) => left.CompareTo(right) >= 0;

    public override string ToString() => Type switch
    {
        TimeType.Year => Date.ToString("yyyy", CultureInfo.InvariantCulture),
        TimeType.Month => Date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
