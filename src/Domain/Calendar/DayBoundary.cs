using System.Globalization;
using System.Text.RegularExpressions;

namespace Energy.Domain.Calendar;

/// <summary>
/// <c>Day_Start</c>/<c>Day_End</c> (seed 4.4, CONTRACT §6): a wall-clock time, <c>"07:30:00"</c>, of the day
/// it refers to, or with a leading <c>-</c>, <c>"-07:30:00"</c>, of the day before (Start) / of the same day (End).
/// </summary>
/// <remarks>
/// <c>"-00:00:00"</c> is accepted and differs from <c>"00:00:00"</c>: the sign chooses the day, the time
/// only the hour. (The integer settings forbid 0 because there is no month or day 0; midnight exists.)
/// </remarks>
public readonly partial record struct DayBoundary(bool Negative, TimeSpan TimeOfDay)
{
    public static DayBoundary Midnight { get; } = new(false, TimeSpan.Zero);

    /// <summary>Parses <c>[-]H:MM:SS</c> or <c>[-]HH:MM:SS</c> with hours ≤ 23; null when it is not one.</summary>
    public static DayBoundary? TryParse(string? text)
    {
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is null || !match.Success)
        {
            return null;
        }

        var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minutes = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var seconds = int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture);
        return hours > 23 || minutes > 59 || seconds > 59
            ? null
            : new DayBoundary(match.Groups["neg"].Success, new TimeSpan(hours, minutes, seconds));
    }

    /// <summary>Where the reporting day labelled D starts, counted from D's midnight: in (−24 h, 24 h).</summary>
    public TimeSpan StartOffset => Negative ? TimeOfDay - TimeSpan.FromDays(1) : TimeOfDay;

    /// <summary>Where the reporting day labelled D ends when this is <c>Day_End</c>, from D's midnight.</summary>
    public TimeSpan EndOffset => Negative ? TimeOfDay : TimeOfDay + TimeSpan.FromDays(1);

    /// <summary>The seed's form, <c>"07:30:00"</c> or <c>"-07:30:00"</c>.</summary>
    public override string ToString() =>
        (Negative ? "-" : "") + TimeOfDay.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<neg>-)?(?<h>\d{1,2}):(?<m>\d{2}):(?<s>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
