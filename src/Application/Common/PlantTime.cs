using System.Globalization;

namespace Energy.Application.Common;

/// <summary>
/// The plant's wall clock (CONTRACT §1 Time): clients speak <c>"YYYY-MM-DD HH:mm:ss"</c> in the plant's
/// zone (<c>Energy:TimeZone</c>, default Asia/Shanghai); everything inside is a UTC instant.
/// ISO-8601 with <c>T</c> is accepted too; with an offset (or <c>Z</c>) it names that instant exactly.
/// </summary>
public sealed class PlantTime
{
    public const string DefaultZoneId = "Asia/Shanghai";
    public const string WallClockFormat = "yyyy-MM-dd HH:mm:ss";

    // "ss.FFFFFFF" also matches no fraction at all: the F specifiers make the dot and digits optional.
    private static readonly string[] WallClockFormats =
    [
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
    ];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd HH:mm:ss.FFFFFFF'Z'",
    ];

    public PlantTime(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    /// <summary>The plant clock for an IANA zone id; null or blank means Asia/Shanghai.</summary>
    public static PlantTime ForZone(string? zoneId)
    {
        var id = string.IsNullOrWhiteSpace(zoneId) ? DefaultZoneId : zoneId.Trim();
        try
        {
            return new PlantTime(TimeZoneInfo.FindSystemTimeZoneById(id));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"Energy:TimeZone '{id}' is not a time zone this machine knows (IANA id expected).", e);
        }
    }

    /// <summary>
    /// The earliest and latest instants a request may name. Windows are widened to whole reporting years and cut
    /// into days (rates, calendars), so year 0001 or 9999 would step off the calendar's end (a 500); no plant's
    /// data lies outside these years.
    /// </summary>
    public static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Parses a request time; bad input, or one outside [<see cref="Earliest"/>, <see cref="Latest"/>) → 4103 naming <paramref name="field"/>.</summary>
    public DateTimeOffset Parse(string? text, string field)
    {
        if (!TryParseInstant(text, out var instant))
        {
            throw ContractError.BadParameter(field, $"must be a time like \"2019-04-01 00:00:00\", got \"{text}\"");
        }

        return instant >= Earliest && instant < Latest
            ? instant
            : throw ContractError.BadParameter(field, $"must lie between {Format(Earliest)} and {Format(Latest)}, got \"{text}\"");
    }

    /// <summary>Parses a request time into a UTC instant (offset zero).</summary>
    public bool TryParseInstant(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, WallClockFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
        {
            return TryFromWallClock(wallClock, out instant);
        }

        if (DateTimeOffset.TryParseExact(trimmed, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset))
        {
            instant = withOffset.ToUniversalTime();
            return true;
        }

        return false;
    }

    /// <summary>The UTC instant of a plant wall-clock time; a time skipped by a DST change is refused.</summary>
    public bool TryFromWallClock(DateTime wallClock, out DateTimeOffset instant)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
        {
            instant = default;
            return false;
        }

        try
        {
            instant = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone), TimeSpan.Zero);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // 0001-01-01 00:00 east of UTC (or 9999-12-31 23:59 west of it) has no UTC instant.
            instant = default;
            return false;
        }
    }

    /// <summary>The plant's wall clock at <paramref name="instant"/>.</summary>
    public DateTime ToWallClock(DateTimeOffset instant) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, Zone).DateTime, DateTimeKind.Unspecified);

    /// <summary><c>"YYYY-MM-DD HH:mm:ss"</c> in the plant's zone, as responses show times.</summary>
    public string Format(DateTimeOffset instant) =>
        ToWallClock(instant).ToString(WallClockFormat, CultureInfo.InvariantCulture);
}
