using System.Globalization;

namespace Energy.Domain.Calendar;

/// <summary>A time of day as the seed writes it: <c>"08:00:00"</c> (also <c>"8:00:00"</c>, <c>"08:00"</c>), hours ≤ 23.</summary>
public static class ClockTime
{
    private static readonly string[] Formats = ["H:mm:ss", "HH:mm:ss", "H:mm", "HH:mm"];

    public static TimeOnly? TryParse(string? text) =>
        text is not null && TimeOnly.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;

    public static string Format(TimeOnly time) => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
