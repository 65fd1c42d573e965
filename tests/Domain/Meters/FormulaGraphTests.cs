using Energy.Domain.Meters;

namespace Energy.Domain.Tests.Meters;

public class FormulaGraphTests
{
    private static readonly Dictionary<long, long[]> Formulas = new() { [10] = [1, 2], [11] = [10, 3], [12] = [11] };

    private static IEnumerable<long> ReferencesOf(long id) => Formulas.GetValueOrDefault(id, []);

    [Fact]
    public void A_formula_over_real_and_virtual_meters_has_no_cycle() =>
        FormulaGraph.FindCycle(20, [12, 1], ReferencesOf).ShouldBeNull();

    [Fact]
    public void A_formula_naming_its_own_meter_is_a_cycle() =>
        FormulaGraph.FindCycle(20, [1, 20], ReferencesOf).ShouldBe([20L, 20L]);

    [Fact]
    public void An_indirect_cycle_is_found_with_its_path() =>
        // 10 would name 12, which names 11, which names 10.
        FormulaGraph.FindCycle(10, [12], ReferencesOf).ShouldBe([10L, 12L, 11L, 10L]);
}
