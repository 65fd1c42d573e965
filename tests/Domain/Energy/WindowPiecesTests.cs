using Energy.Domain.Energy;

namespace Energy.Domain.Tests.Energy;

public sealed class WindowPiecesTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static DateTimeOffset InShanghai(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    /// <summary>Adds up a slot series the way the read model does: hour, day and month rows are sums of their slots.</summary>
    private static decimal SumOver(IReadOnlyList<WindowPiece> pieces, Func<DateTimeOffset, decimal> slotAmount)
    {
        decimal total = 0;
        foreach (var piece in pieces)
        {
            for (var slot = piece.From; slot < piece.To; slot += Slots.Length)
            {
                total += slotAmount(slot) * piece.Share;
            }
        }

        return total;
    }

    [Fact]
    public void A_plant_day_in_Shanghai_reads_one_day_row()
    {
        var day = InShanghai(2026, 4, 1);

        WindowPieces.Of(day, day.AddDays(1), Shanghai).ShouldBe([new WindowPiece(Resolution.Day, day, day.AddDays(1))]);
    }

    [Fact]
    public void A_plant_year_in_Shanghai_reads_twelve_month_rows()
    {
        var year = InShanghai(2026, 1, 1);

        WindowPieces.Of(year, year.AddYears(1), Shanghai).ShouldBe([new WindowPiece(Resolution.Month, year, year.AddYears(1))]);
    }

    [Fact]
    public void A_window_cut_anywhere_nests_slots_hours_days_and_months()
    {
        var from = InShanghai(2026, 3, 30, 21, 10);
        var to = InShanghai(2026, 6, 2, 1, 50);

        WindowPieces.Of(from, to, Shanghai).ShouldBe([
            new WindowPiece(Resolution.Slot, InShanghai(2026, 3, 30, 21, 0), InShanghai(2026, 3, 30, 21, 15), 1m / 3),
            new WindowPiece(Resolution.Slot, InShanghai(2026, 3, 30, 21, 15), InShanghai(2026, 3, 30, 22, 0)),
            new WindowPiece(Resolution.Hour, InShanghai(2026, 3, 30, 22, 0), InShanghai(2026, 3, 31)),
            new WindowPiece(Resolution.Day, InShanghai(2026, 3, 31), InShanghai(2026, 4, 1)),
            new WindowPiece(Resolution.Month, InShanghai(2026, 4, 1), InShanghai(2026, 6, 1)),
            new WindowPiece(Resolution.Day, InShanghai(2026, 6, 1), InShanghai(2026, 6, 2)),
            new WindowPiece(Resolution.Hour, InShanghai(2026, 6, 2), InShanghai(2026, 6, 2, 1, 0)),
            new WindowPiece(Resolution.Slot, InShanghai(2026, 6, 2, 1, 0), InShanghai(2026, 6, 2, 1, 45)),
            new WindowPiece(Resolution.Slot, InShanghai(2026, 6, 2, 1, 45), InShanghai(2026, 6, 2, 2, 0), 1m / 3),
        ]);
    }

    [Fact]
    public void A_berlin_day_with_a_dst_change_is_one_day_row_of_23_or_25_hours()
    {
        var spring = new DateTimeOffset(2025, 3, 30, 0, 0, 0, TimeSpan.FromHours(1));
        var autumn = new DateTimeOffset(2025, 10, 26, 0, 0, 0, TimeSpan.FromHours(2));

        WindowPieces.Of(spring, spring.AddHours(23), Berlin).ShouldBe([new WindowPiece(Resolution.Day, spring, spring.AddHours(23))]);
        WindowPieces.Of(autumn, autumn.AddHours(25), Berlin).ShouldBe([new WindowPiece(Resolution.Day, autumn, autumn.AddHours(25))]);
        WindowPieces.Of(spring.AddHours(1), spring.AddHours(23), Berlin).ShouldBe([new WindowPiece(Resolution.Hour, spring.AddHours(1), spring.AddHours(23))]);
    }

    [Fact]
    public void A_boundary_inside_a_slot_counts_that_slot_in_proportion()
    {
        var day = InShanghai(2026, 4, 1);
        var pieces = WindowPieces.Of(day.AddMinutes(10), day.AddMinutes(20), Shanghai);

        pieces.ShouldBe([new WindowPiece(Resolution.Slot, day, day.AddMinutes(15), 1m / 3), new WindowPiece(Resolution.Slot, day.AddMinutes(15), day.AddMinutes(30), 1m / 3)]);
    }

    [Fact]
    public void Any_window_covers_each_slot_exactly_once()
    {
        var random = new Random(42);
        var day = InShanghai(2026, 4, 1);
        foreach (var zone in new[] { Shanghai, Berlin })
        {
            for (var i = 0; i < 300; i++)
            {
                var from = day.AddMinutes(random.Next(-50000, 50000) * 15);
                var to = from.AddMinutes(random.Next(0, 40000) * 15);
                var pieces = WindowPieces.Of(from, to, zone);

                SumOver(pieces, _ => 1m).ShouldBe((decimal)((to - from).TotalMinutes / 15), $"{zone.Id} {from:o} .. {to:o}");
                pieces.Select(p => p.From).ShouldBeInOrder();
            }
        }
    }

    /// <summary>Values PostgreSQL 15's <c>date_trunc(unit, instant, zone)</c> gave for these instants.</summary>
    [Theory]
    [InlineData("Europe/Berlin", "2025-03-30T00:59:59Z", Resolution.Hour, "2025-03-30T00:00:00Z")]
    [InlineData("Europe/Berlin", "2025-03-30T01:00:00Z", Resolution.Hour, "2025-03-30T01:00:00Z")]
    [InlineData("Europe/Berlin", "2025-03-30T21:59:00Z", Resolution.Day, "2025-03-29T23:00:00Z")]
    [InlineData("Europe/Berlin", "2025-03-30T22:00:00Z", Resolution.Day, "2025-03-30T22:00:00Z")]
    [InlineData("Europe/Berlin", "2025-10-26T00:30:00Z", Resolution.Hour, "2025-10-26T00:00:00Z")]
    [InlineData("Europe/Berlin", "2025-10-26T01:30:00Z", Resolution.Hour, "2025-10-26T01:00:00Z")]
    [InlineData("Europe/Berlin", "2025-10-26T22:59:00Z", Resolution.Day, "2025-10-25T22:00:00Z")]
    [InlineData("Europe/Berlin", "2025-10-31T23:00:00Z", Resolution.Month, "2025-10-31T23:00:00Z")]
    [InlineData("Europe/Berlin", "2025-10-31T22:59:00Z", Resolution.Month, "2025-09-30T22:00:00Z")]
    [InlineData("Asia/Shanghai", "2025-01-31T16:00:00Z", Resolution.Month, "2025-01-31T16:00:00Z")]
    [InlineData("Asia/Shanghai", "2025-01-31T15:59:00Z", Resolution.Month, "2024-12-31T16:00:00Z")]
    [InlineData("Asia/Kolkata", "2025-01-01T00:00:00Z", Resolution.Hour, "2024-12-31T23:30:00Z")]
    [InlineData("Australia/Lord_Howe", "2025-04-05T15:00:00Z", Resolution.Hour, "2025-04-05T14:30:00Z")]
    [InlineData("America/Santiago", "2024-09-08T12:00:00Z", Resolution.Day, "2024-09-08T04:00:00Z")]
    [InlineData("America/Santiago", "2024-04-07T03:30:00Z", Resolution.Day, "2024-04-06T03:00:00Z")]
    public void Truncation_agrees_with_postgresql_date_trunc(string zone, string instant, Resolution unit, string expected) =>
        PlantUnits.Truncate(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), unit, TimeZoneInfo.FindSystemTimeZoneById(zone))
            .ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Where_an_offset_changes_by_half_an_hour_the_hour_boundaries_are_the_instants_truncation_keeps()
    {
        var lordHowe = TimeZoneInfo.FindSystemTimeZoneById("Australia/Lord_Howe");
        var before = new DateTimeOffset(2025, 4, 5, 14, 0, 0, TimeSpan.Zero);

        PlantUnits.Floor(before.AddMinutes(60), Resolution.Hour, lordHowe).ShouldBe(before);
        PlantUnits.Next(before, Resolution.Hour, lordHowe).ShouldBe(before.AddMinutes(90));
    }
}
