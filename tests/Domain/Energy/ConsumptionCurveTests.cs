using Energy.Domain.Energy;

namespace Energy.Domain.Tests.Energy;

public sealed class ConsumptionCurveTests
{
    private static readonly DateTimeOffset Ten = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero); // 10:00 in Shanghai

    private static CounterReading At(double hoursAfterTen, decimal value) => new(Ten.AddHours(hoursAfterTen), value);

    [Fact]
    public void Two_readings_spread_their_difference_evenly_and_nothing_is_extrapolated()
    {
        var curve = new ConsumptionCurve([At(0, 100), At(2, 140)]);

        curve.Between(Ten, Ten.AddHours(1)).ShouldBe(20m);
        curve.Between(Ten.AddHours(1), Ten.AddHours(2)).ShouldBe(20m);
        curve.Between(Ten.AddMinutes(30), Ten.AddMinutes(60)).ShouldBe(10m);
        curve.Between(Ten.AddHours(2), Ten.AddHours(5)).ShouldBe(0m);
        curve.Between(Ten.AddHours(-3), Ten).ShouldBe(0m);
    }

    [Fact]
    public void A_counter_that_goes_down_is_a_reset_not_negative_consumption()
    {
        var curve = new ConsumptionCurve([At(0, 100), At(1, 130), At(2, 5), At(3, 25)]);

        curve.Between(Ten, Ten.AddHours(3)).ShouldBe(50m);
        curve.Between(Ten.AddHours(1), Ten.AddHours(2)).ShouldBe(0m);
    }

    [Fact]
    public void Readings_in_any_order_give_the_same_curve()
    {
        var inOrder = new ConsumptionCurve([At(0, 100), At(0.5, 110), At(2, 140)]);
        var shuffled = new ConsumptionCurve([At(2, 140), At(0, 100), At(0.5, 110)]);

        shuffled.Between(Ten.AddMinutes(10), Ten.AddMinutes(100)).ShouldBe(inOrder.Between(Ten.AddMinutes(10), Ten.AddMinutes(100)));
    }

    [Fact]
    public void Slots_cover_the_range_and_add_up_to_the_whole()
    {
        var curve = new ConsumptionCurve([At(0, 100), At(0.3, 101.7m), At(2, 140)]);
        var slots = Slots.Of(curve, Ten.AddMinutes(-30), Ten.AddHours(3)).ToList();

        slots.Select(s => s.Slot).ShouldBe(Enumerable.Range(0, 8).Select(i => Ten.AddMinutes(15 * i)));
        slots.Sum(s => s.Amount).ShouldBe(40m);
        slots[0].Amount.ShouldBe(curve.Between(Ten, Ten.AddMinutes(15)));
    }

    [Fact]
    public void Slot_bounds_are_on_the_quarter_hour()
    {
        Slots.Floor(Ten.AddMinutes(29)).ShouldBe(Ten.AddMinutes(15));
        Slots.Ceiling(Ten.AddMinutes(29)).ShouldBe(Ten.AddMinutes(30));
        Slots.Ceiling(Ten.AddMinutes(30)).ShouldBe(Ten.AddMinutes(30));
    }
}
