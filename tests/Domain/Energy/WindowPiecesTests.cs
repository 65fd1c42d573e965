using Energy.Domain.Energy;

namespace Energy.Domain.Tests.Energy;

public sealed class WindowPiecesTests
{
    private static readonly DateTimeOffset Day = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Adds up a slot series the way the read model does: day and hour rows are sums of their slots.</summary>
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
    public void A_plant_day_in_Shanghai_reads_24_hour_rows_since_it_holds_no_whole_utc_day()
    {
        var plantDay = Day.AddHours(-8); // 2026-04-01 00:00 +08:00
        var pieces = WindowPieces.Of(plantDay, plantDay.AddDays(1));

        pieces.ShouldBe([new WindowPiece(Resolution.Hour, plantDay, plantDay.AddDays(1))]);
    }

    [Fact]
    public void Two_plant_days_read_hours_around_one_utc_day()
    {
        var plantDay = Day.AddHours(-8);
        var pieces = WindowPieces.Of(plantDay, plantDay.AddDays(2));

        pieces.ShouldBe([
            new WindowPiece(Resolution.Hour, plantDay, Day),
            new WindowPiece(Resolution.Day, Day, Day.AddDays(1)),
            new WindowPiece(Resolution.Hour, Day.AddDays(1), Day.AddDays(1).AddHours(16)),
        ]);
    }

    [Fact]
    public void A_year_reads_days_in_the_middle()
    {
        var pieces = WindowPieces.Of(Day.AddHours(-8), Day.AddYears(1).AddHours(-8));

        pieces.Count(p => p.Resolution == Resolution.Day).ShouldBe(1);
        pieces.Single(p => p.Resolution == Resolution.Day).ShouldBe(new WindowPiece(Resolution.Day, Day, Day.AddYears(1).AddDays(-1)));
    }

    [Fact]
    public void A_boundary_inside_a_slot_counts_that_slot_in_proportion()
    {
        var pieces = WindowPieces.Of(Day.AddMinutes(10), Day.AddMinutes(20));

        pieces.ShouldBe([new WindowPiece(Resolution.Slot, Day, Day.AddMinutes(15), 1m / 3), new WindowPiece(Resolution.Slot, Day.AddMinutes(15), Day.AddMinutes(30), 1m / 3)]);
    }

    [Fact]
    public void Any_window_covers_each_slot_exactly_once()
    {
        var random = new Random(42);
        for (var i = 0; i < 500; i++)
        {
            var from = Day.AddMinutes(random.Next(-5000, 5000) * 15);
            var to = from.AddMinutes(random.Next(0, 20000) * 15);
            var pieces = WindowPieces.Of(from, to);

            SumOver(pieces, _ => 1m).ShouldBe((decimal)((to - from).TotalMinutes / 15), $"{from:o} .. {to:o}");
            pieces.Select(p => p.From).ShouldBeInOrder();
        }
    }
}
