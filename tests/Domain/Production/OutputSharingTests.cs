using Energy.Domain.Production;

namespace Energy.Domain.Tests.Production;

/// <summary>CONTRACT §7 "Output and energy", computed by hand.</summary>
public sealed class OutputSharingTests
{
    private static readonly DateTimeOffset Eight = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(int minutes) => Eight.AddMinutes(minutes);

    [Fact]
    public void An_output_spreads_its_amount_evenly_over_its_window_cut_at_slot_edges()
    {
        OutputSharing.Spread(40, At(0), At(60)).ShouldBe(
            [new(At(0), 10), new(At(15), 10), new(At(30), 10), new(At(45), 10)]);
        // 10:05–10:35 is 10, 15 and 5 minutes of 30.
        OutputSharing.Spread(30, At(5), At(35)).ShouldBe([new(At(0), 10), new(At(15), 15), new(At(30), 5)]);
    }

    [Fact]
    public void The_parts_of_an_uneven_spread_add_up_to_the_amount_exactly()
    {
        var parts = OutputSharing.Spread(100, At(0), At(45));
        parts.Count.ShouldBe(3);
        parts.Sum(p => p.Amount).ShouldBe(100m);
    }

    [Fact]
    public void Two_overlapping_outputs_share_a_slot_in_proportion_to_their_amounts_in_it()
    {
        // A: 40 over 08:00–09:00 (10 per slot); B: 60 over 08:30–09:00 (30 per slot). Consumption 10, 20, 30, 40.
        var consumption = new[] { 10m, 20m, 30m, 40m };
        var a = OutputSharing.Spread(40, At(0), At(60));
        var b = OutputSharing.Spread(60, At(30), At(60));
        decimal energyA = 0, energyB = 0;
        for (var i = 0; i < 4; i++)
        {
            var inB = b.FirstOrDefault(p => p.Slot == a[i].Slot);
            var shares = OutputSharing.Share(consumption[i], [a[i].Amount, inB.Amount]);
            energyA += shares[0];
            energyB += shares[1];
        }

        energyA.ShouldBe(47.5m);        // 10 + 20 + 30·10/40 + 40·10/40
        energyB.ShouldBe(52.5m);        // 30·30/40 + 40·30/40
        OutputSharing.PerOutput(energyA, 40).ShouldBe(1.1875m);
        OutputSharing.PerOutput(energyB * 0.1229m, 60).ShouldBe(0.1075375m);
    }

    [Fact]
    public void Outputs_of_nothing_split_a_slot_evenly_and_their_unit_consumption_is_empty()
    {
        OutputSharing.Share(12, [0m, 0m, 0m]).ShouldBe([4m, 4m, 4m]);
        OutputSharing.PerOutput(12, 0).ShouldBeNull();
    }

    [Fact]
    public void A_slot_shared_by_no_one_gives_nothing()
    {
        OutputSharing.Share(12, []).ShouldBeEmpty();
        OutputSharing.Spread(5, At(10), At(10)).ShouldBeEmpty();
    }
}
