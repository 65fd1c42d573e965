using Energy.Domain.Production;

namespace Energy.Domain.Tests.Production;

public sealed class CoalFactorsTests
{
    private static readonly DateTimeOffset Change = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_defaults_are_the_GB_T_2589_2020_values()
    {
        var factors = new CoalFactors(CoalFactors.Defaults);
        factors.At(0, Change)!.Factor.ShouldBe(0.1229m);
        factors.At(1, Change)!.Factor.ShouldBe(0.0857m);
        factors.At(8, Change)!.Factor.ShouldBe(1.2143m);
        factors.At(0, Change)!.Set.ShouldBe(CoalFactors.DefaultSet);
    }

    [Fact]
    public void A_new_factor_applies_from_its_effective_date_and_never_before()
    {
        var factors = new CoalFactors([.. CoalFactors.Defaults, new CoalFactor(0, 0.3000m, Change, "site-2026")]);
        factors.At(0, Change.AddTicks(-1))!.Factor.ShouldBe(0.1229m);
        factors.At(0, Change)!.Set.ShouldBe("site-2026");
        factors.At(0, Change.AddYears(1))!.Factor.ShouldBe(0.3000m);
    }

    [Fact]
    public void A_type_without_a_factor_has_none()
    {
        new CoalFactors([]).At(0, Change).ShouldBeNull();
    }
}
