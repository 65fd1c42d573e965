using Energy.Domain.Energy;
using FsCheck;
using FsCheck.Fluent;

namespace Energy.Domain.Tests.Energy;

/// <summary>
/// For random windows in a zone without DST and one with it: the pieces tile the window, every rollup piece
/// runs from one plant-local boundary of its unit to another (checked with the zone's wall clock, not with
/// <see cref="PlantUnits"/>), and none of them holds a whole unit of the next coarser level.
/// </summary>
public class WindowPiecesProperties
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private enum Alignment
    {
        None,
        Minute,
        Slot,
        Hour,
        Day,
        Month,
    }

    /// <summary>A wall-clock time in 2020–2030, often on a slot, hour, day or month boundary.</summary>
    private static readonly Gen<(DateTime WallClock, Alignment Alignment)> WallClocks =
        from dayNumber in Gen.Choose(new DateOnly(2020, 1, 1).DayNumber, new DateOnly(2030, 12, 31).DayNumber)
        from seconds in Gen.Choose(0, (24 * 3600) - 1)
        from alignment in Gen.Elements(Enum.GetValues<Alignment>())
        let t = DateOnly.FromDayNumber(dayNumber).ToDateTime(TimeOnly.MinValue).AddSeconds(seconds)
        select (Align(t, alignment), alignment);

    private static readonly Gen<(TimeZoneInfo Zone, DateTimeOffset From, DateTimeOffset To)> Windows =
        from zone in Gen.Elements(Shanghai, Berlin)
        from start in WallClocks
        from months in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(0, 40)))
        from days in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(0, 70)))
        from minutes in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(0, 3000)))
        from seconds in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 3600)))
        let end = Align(start.WallClock.AddMonths(months).AddDays(days).AddMinutes(minutes).AddSeconds(seconds), start.Alignment)
        select (zone, Instant(start.WallClock, zone), Instant(end, zone));

    [Fact]
    public void Pieces_tile_the_window_without_overlap_and_rollups_lie_on_plant_local_boundaries()
    {
        Prop.ForAll(Arb.From(Windows), w =>
        {
            var (zone, from, to) = w;
            var pieces = WindowPieces.Of(from, to, zone);
            var label = $"{zone.Id} [{from:o}, {to:o}): {string.Join(", ", pieces)}";
            if (to <= from)
            {
                pieces.ShouldBeEmpty(label);
                return;
            }

            var at = from;
            foreach (var p in pieces)
            {
                p.From.ShouldBeLessThan(p.To, label);

                // What the piece covers of the window, and the share it claims: exactly that part of its rows.
                var (a, b) = (Max(p.From, from), Min(p.To, to));
                a.ShouldBe(at, label);
                p.Share.ShouldBe((decimal)(b - a).Ticks / (p.To - p.From).Ticks, label);
                (p.Share == 1 || p.Resolution == Resolution.Slot).ShouldBeTrue(label);
                OnBoundary(p.From, p.Resolution, zone).ShouldBeTrue(label);
                OnBoundary(p.To, p.Resolution, zone).ShouldBeTrue(label);
                if (p.Resolution != Resolution.Month)
                {
                    HoldsAWholeUnit(p, p.Resolution + 1, zone).ShouldBeFalse(label);
                }

                at = b;
            }

            at.ShouldBe(to, label);
            Nested(pieces).ShouldBeTrue(label);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    [Fact]
    public void A_plant_year_in_Shanghai_reads_at_most_14_rows()
    {
        var years = from year in Gen.Choose(2000, 2060) from month in Gen.Choose(1, 12) select new DateTime(year, month, 1);
        Prop.ForAll(Arb.From(years), start =>
        {
            var pieces = WindowPieces.Of(Instant(start, Shanghai), Instant(start.AddYears(1), Shanghai), Shanghai);
            pieces.Sum(p => Rows(p, Shanghai)).ShouldBeLessThanOrEqualTo(14, string.Join(", ", pieces));
        }).QuickCheckThrowOnFailure();
    }

    private static DateTime Align(DateTime t, Alignment alignment) => alignment switch
    {
        Alignment.Minute => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0),
        Alignment.Slot => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute / 15 * 15, 0),
        Alignment.Hour => new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0),
        Alignment.Day => t.Date,
        Alignment.Month => new DateTime(t.Year, t.Month, 1),
        _ => t,
    };

    /// <summary>The instant of a wall-clock time (one skipped by a DST change is taken an hour later).</summary>
    private static DateTimeOffset Instant(DateTime wallClock, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        local = zone.IsInvalidTime(local) ? local.AddHours(1) : local;
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    private static DateTime Wall(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    private static bool OnBoundary(DateTimeOffset instant, Resolution unit, TimeZoneInfo zone)
    {
        var wall = Wall(instant, zone);
        return unit switch
        {
            Resolution.Slot => instant.UtcTicks % Slots.Length.Ticks == 0,
            Resolution.Hour => wall.Ticks % TimeSpan.TicksPerHour == 0,
            Resolution.Day => wall.TimeOfDay == TimeSpan.Zero,
            _ => wall.TimeOfDay == TimeSpan.Zero && wall.Day == 1,
        };
    }

    /// <summary>Whether two boundaries of <paramref name="unit"/> lie in the piece: it would have read that unit's row instead.</summary>
    private static bool HoldsAWholeUnit(WindowPiece piece, Resolution unit, TimeZoneInfo zone)
    {
        var step = piece.Resolution == Resolution.Day ? TimeSpan.FromHours(1) : Slots.Length;
        var found = 0;
        for (var t = piece.From; t <= piece.To && found < 2; t += step)
        {
            found += OnBoundary(t, unit, zone) ? 1 : 0;
        }

        return found >= 2;
    }

    /// <summary>Resolutions rise to the coarsest piece and fall after it (the edge slots aside).</summary>
    private static bool Nested(IReadOnlyList<WindowPiece> pieces)
    {
        var levels = pieces.Select(p => (int)p.Resolution).ToArray();
        var top = Array.IndexOf(levels, levels.Max());
        return levels.Take(top + 1).Zip(levels.Skip(1).Take(top)).All(p => p.First < p.Second || (p.First == 0 && p.Second == 0))
            && levels.Skip(top).Zip(levels.Skip(top + 1)).All(p => p.First > p.Second || (p.First == 0 && p.Second == 0));
    }

    /// <summary>How many read-model rows a piece adds up.</summary>
    private static int Rows(WindowPiece piece, TimeZoneInfo zone)
    {
        var (a, b) = (Wall(piece.From, zone), Wall(piece.To, zone));
        return piece.Resolution switch
        {
            Resolution.Slot => (int)((piece.To - piece.From) / Slots.Length),
            Resolution.Hour => (int)(piece.To - piece.From).TotalHours,
            Resolution.Day => (b.Date - a.Date).Days,
            _ => ((b.Year - a.Year) * 12) + b.Month - a.Month,
        };
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
