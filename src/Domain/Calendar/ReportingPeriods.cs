namespace Energy.Domain.Calendar;

/// <summary>
/// The plant's reporting periods (seed 4.3/4.4, CONTRACT §6). Start: <c>N</c> = month/day/time N of the
/// labelled year/month/day, <c>-N</c> = of the one before. End: <c>N</c> = of the one after, <c>-N</c> = of the
/// labelled one. Periods must tile time, so every End equals its Start (see <see cref="Validate"/>).
/// </summary>
public sealed record ReportingPeriods(
    int YearStart, int YearEnd, int MonthStart, int MonthEnd, DayBoundary DayStart, DayBoundary DayEnd)
{
    public const string YearStartField = "Year_Start";
    public const string YearEndField = "Year_End";
    public const string MonthStartField = "Month_Start";
    public const string MonthEndField = "Month_End";
    public const string DayStartField = "Day_Start";
    public const string DayEndField = "Day_End";

    /// <summary>Natural years, months and days: 1/1, 1/1, "00:00:00"/"00:00:00".</summary>
    public static ReportingPeriods Default { get; } = new(1, 1, 1, 1, DayBoundary.Midnight, DayBoundary.Midnight);

    /// <summary>Throws <see cref="DomainRuleException"/> naming the first field out of range or not tiling.</summary>
    public ReportingPeriods Validate()
    {
        InRange(YearStartField, YearStart, 12, "months");
        InRange(YearEndField, YearEnd, 12, "months");
        InRange(MonthStartField, MonthStart, 31, "days");
        InRange(MonthEndField, MonthEnd, 31, "days");

        // End(label) = Start(next label) is the tiling condition; with the sign conventions above it holds
        // exactly when End and Start carry the same number. Anything else leaves holes or overlaps.
        Tiles(YearEndField, YearEnd, YearStartField, YearStart);
        Tiles(MonthEndField, MonthEnd, MonthStartField, MonthStart);
        if (DayEnd != DayStart)
        {
            throw new DomainRuleException(DayEndField,
                $"must equal {DayStartField} (\"{DayStart}\") so that reporting days tile time without holes or overlaps, got \"{DayEnd}\"");
        }

        return this;
    }

    private static void InRange(string field, int value, int max, string unit)
    {
        if (value == 0 || Math.Abs(value) > max)
        {
            throw new DomainRuleException(field, $"must be a non-zero integer from -{max} to {max} ({unit}), got {value}");
        }
    }

    private static void Tiles(string endField, int end, string startField, int start)
    {
        if (end != start)
        {
            throw new DomainRuleException(endField,
                $"must equal {startField} ({start}) so that periods tile time without holes or overlaps, got {end}");
        }
    }
}
