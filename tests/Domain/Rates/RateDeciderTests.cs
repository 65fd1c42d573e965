using Energy.Domain.Rates;
using static Energy.Domain.Tests.Rates.RateTestData;

namespace Energy.Domain.Tests.Rates;

public class RateDeciderTests
{
    private static readonly DateTimeOffset Now = Plant(4, 1, 12);

    private static Rate Seeded(int type = 0) =>
        new object[] { new RateEstablished(type + 1, type, EnergyTypeRates.Initial(type)) }.Aggregate(Rate.None, Rate.Evolve);

    [Fact]
    public void Given_nothing_when_seeding_then_the_rate_is_established()
    {
        RateDecider.Decide(new EstablishRate(1, 0, EnergyTypeRates.Initial(0)), Rate.None)
            .ShouldBe([new RateEstablished(1, 0, EnergyTypeRates.Initial(0))]);
    }

    [Fact]
    public void Given_a_seeded_rate_when_seeding_again_then_nothing_happens() =>
        RateDecider.Decide(new EstablishRate(1, 0, EnergyTypeRates.Initial(0)), Seeded()).ShouldBeEmpty();

    [Fact]
    public void Given_a_seeded_rate_when_its_price_changes_then_the_change_takes_effect_at_that_instant() =>
        RateDecider.Decide(new ChangeRate(1, Flat(0.8m), Now), Seeded()).ShouldBe([new RateChanged(1, Flat(0.8m), Now)]);

    [Fact]
    public void Given_a_rate_when_the_same_terms_are_sent_then_nothing_happens() =>
        RateDecider.Decide(new ChangeRate(1, EnergyTypeRates.Initial(0), Now), Seeded()).ShouldBeEmpty();

    [Fact]
    public void Given_the_electricity_rate_when_its_type_is_changed_to_water_then_Rate_Type_is_refused() =>
        Should.Throw<DomainRuleException>(() => RateDecider.Decide(new ChangeRate(1, Flat(1m) with { RateType = "1" }, Now), Seeded()))
            .Field.ShouldBe("Rate_Type");

    [Theory]
    [InlineData("Seg_Begin_Rate")]
    [InlineData("Seg_End")]
    public void A_segmented_rate_without_its_segment_is_refused_naming_the_missing_field(string field)
    {
        var terms = field == "Seg_End" ? Segmented(8, 1m, 20, 0.5m) with { SegEnd = null } : Segmented(8, 1m, 20, 0.5m) with { SegBeginRate = null };
        Should.Throw<DomainRuleException>(() => RateDecider.Decide(new ChangeRate(1, terms, Now), Seeded())).Field.ShouldBe(field);
    }

    [Fact]
    public void A_flat_rate_without_a_value_or_with_a_negative_one_is_refused_naming_Rate_Value()
    {
        Should.Throw<DomainRuleException>(() => RateDecider.Decide(new ChangeRate(1, Flat(1m) with { Value = null }, Now), Seeded())).Field.ShouldBe("Rate_Value");
        Should.Throw<DomainRuleException>(() => RateDecider.Decide(new ChangeRate(1, Flat(-1m), Now), Seeded())).Field.ShouldBe("Rate_Value");
    }
}
