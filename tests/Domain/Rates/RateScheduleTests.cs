using Energy.Domain.Rates;
using static Energy.Domain.Tests.Rates.RateTestData;

namespace Energy.Domain.Tests.Rates;

public class RateScheduleTests
{
    private static readonly DateTimeOffset ChangedAt = Plant(4, 1, 12);

    private static RateSchedule Schedule(params object[] electricityEvents) =>
        new(RateVersion.From([new RateEstablished(1, 0, Flat(0.5m)), .. electricityEvents])
            .Concat(RateVersion.From([new RateEstablished(2, 1, Flat(3m, 1))])), Shanghai);

    [Fact]
    public void Consumption_before_a_change_is_priced_at_the_old_rate_and_after_it_at_the_new_one()
    {
        var schedule = Schedule(new RateChanged(1, Flat(0.8m), ChangedAt));
        schedule.PriceAt(0, ChangedAt.AddSeconds(-1)).ShouldBe(0.5m);
        schedule.PriceAt(0, ChangedAt).ShouldBe(0.8m);
        schedule.PriceAt(0, DateTimeOffset.MinValue.AddYears(2000)).ShouldBe(0.5m);
        schedule.PriceAt(1, ChangedAt).ShouldBe(3m);
    }

    [Fact]
    public void A_segmented_rate_charges_the_begin_rate_inside_the_segment_and_the_end_rate_outside()
    {
        var schedule = Schedule(new RateChanged(1, Segmented(8, 1.2m, 22, 0.4m), ChangedAt));
        schedule.PriceAt(0, Plant(4, 2, 7, 59)).ShouldBe(0.4m);
        schedule.PriceAt(0, Plant(4, 2, 8)).ShouldBe(1.2m);
        schedule.PriceAt(0, Plant(4, 2, 21, 59)).ShouldBe(1.2m);
        schedule.PriceAt(0, Plant(4, 2, 22)).ShouldBe(0.4m);
    }

    [Fact]
    public void A_segment_that_wraps_past_midnight_covers_the_night()
    {
        var schedule = Schedule(new RateChanged(1, Segmented(22, 0.3m, 6, 0.9m), ChangedAt));
        schedule.PriceAt(0, Plant(4, 2, 23)).ShouldBe(0.3m);
        schedule.PriceAt(0, Plant(4, 3, 5, 59)).ShouldBe(0.3m);
        schedule.PriceAt(0, Plant(4, 3, 6)).ShouldBe(0.9m);
    }

    [Fact]
    public void A_span_is_cut_where_the_rate_changes_and_where_segments_begin_and_end()
    {
        var schedule = Schedule(new RateChanged(1, Segmented(8, 1.2m, 22, 0.4m), ChangedAt));
        schedule.Pieces(0, Plant(4, 1, 0), Plant(4, 2, 12)).ShouldBe(
        [
            new PricedSpan(Plant(4, 1, 0), Plant(4, 1, 12), 0.5m),
            new PricedSpan(Plant(4, 1, 12), Plant(4, 1, 22), 1.2m),
            new PricedSpan(Plant(4, 1, 22), Plant(4, 2, 8), 0.4m),
            new PricedSpan(Plant(4, 2, 8), Plant(4, 2, 12), 1.2m),
        ]);
    }

    [Fact]
    public void A_flat_rate_over_a_span_is_one_piece() =>
        Schedule().Pieces(0, Plant(4, 1, 0), Plant(4, 3, 0)).ShouldBe([new PricedSpan(Plant(4, 1, 0), Plant(4, 3, 0), 0.5m)]);
}
