namespace Energy.Domain.Energy;

/// <summary>
/// The plant-local hours, days and months the energy rollups are keyed by. <see cref="Truncate"/> is
/// PostgreSQL's <c>date_trunc(unit, instant, zone)</c>: the projection keys its rows with that function in SQL
/// and the reader cuts windows here, so the two must agree to the tick (both read the system tzdata).
/// Slots stay on the UTC 15-minute grid.
/// </summary>
/// <remarks>
/// PostgreSQL truncates to the hour in the instant's own offset (an hour after a DST change is still 60
/// minutes) and to the day or month at the local midnight, whose offset it determines anew: in a gap the offset
/// before the change, in an overlap the offset after it. A boundary is an instant truncation keeps. This holds
/// together as long as truncation never moves an instant forward, which fails only where clocks fall back across
/// local midnight (America/Havana): such zones are not supported by the rollups.
/// </remarks>
public static class PlantUnits
{
    public static DateTimeOffset Truncate(DateTimeOffset instant, Resolution unit, TimeZoneInfo zone)
    {
        if (unit == Resolution.Slot)
        {
            return Slots.Floor(instant);
        }

        var utc = instant.UtcDateTime;
        var local = Local(utc, zone);
        return unit switch
        {
            Resolution.Hour => new DateTimeOffset(utc.Ticks - (local.Ticks % TimeSpan.TicksPerHour), TimeSpan.Zero),
            Resolution.Day => FromLocal(local.Date, zone),
            _ => FromLocal(new DateTime(local.Year, local.Month, 1), zone),
        };
    }

    /// <summary>The latest boundary of <paramref name="unit"/> at or before <paramref name="instant"/>.</summary>
    public static DateTimeOffset Floor(DateTimeOffset instant, Resolution unit, TimeZoneInfo zone)
    {
        // Where an offset changes by less than an hour (Australia/Lord_Howe), an hour's truncation can land on an
        // instant that truncates further: the boundary is where it stops moving.
        var floor = Truncate(instant, unit, zone);
        for (var again = Truncate(floor, unit, zone); again != floor; again = Truncate(floor, unit, zone))
        {
            floor = again;
        }

        return floor;
    }

    /// <summary>The earliest boundary of <paramref name="unit"/> at or after <paramref name="instant"/>.</summary>
    public static DateTimeOffset Ceiling(DateTimeOffset instant, Resolution unit, TimeZoneInfo zone)
    {
        var floor = Floor(instant, unit, zone);
        return floor == instant ? floor : Next(floor, unit, zone);
    }

    /// <summary>The boundary after <paramref name="boundary"/> (one unit on; 23 or 25 hours for a day with a DST change).</summary>
    public static DateTimeOffset Next(DateTimeOffset boundary, Resolution unit, TimeZoneInfo zone)
    {
        var local = Local(boundary.UtcDateTime, zone);
        var guess = unit switch
        {
            Resolution.Slot => boundary + Slots.Length,
            Resolution.Hour => boundary + TimeSpan.FromHours(1),
            Resolution.Day => FromLocal(local.Date.AddDays(1), zone),
            _ => FromLocal(new DateTime(local.Year, local.Month, 1).AddMonths(1), zone),
        };

        var next = Floor(guess, unit, zone);
        while (next <= boundary)
        {
            guess += Slots.Length;
            next = Floor(guess, unit, zone);
        }

        return next;
    }

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(utc + zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), DateTimeKind.Unspecified);

    /// <summary>The instant of a plant wall-clock time, resolved as PostgreSQL resolves it (DetermineTimeZoneOffset).</summary>
    private static DateTimeOffset FromLocal(DateTime local, TimeZoneInfo zone)
    {
        // The wall clock's ticks read as UTC, shifted by the offset in force a day before and a day after.
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Utc);
        var after = zone.GetUtcOffset(wall.AddDays(1));
        if (zone.GetUtcOffset(wall - after) == after)
        {
            // Valid with the later offset: the only reading, or PostgreSQL's choice in an overlap.
            return new DateTimeOffset(wall - after, TimeSpan.Zero);
        }

        // Valid with the earlier offset only, or in a gap, where PostgreSQL also takes the earlier offset.
        return new DateTimeOffset(wall - zone.GetUtcOffset(wall.AddDays(-1)), TimeSpan.Zero);
    }
}
