using Energy.Domain.Meters;

namespace Energy.Domain.Tests.Meters;

public class MeterFormulaTests
{
    private static decimal Evaluate(string formula, params (long Id, decimal Value)[] meters)
    {
        var values = meters.ToDictionary(m => m.Id, m => m.Value);
        return MeterFormula.Parse(formula).Evaluate(id => values[id]);
    }

    [Fact]
    public void The_contract_example_parses_and_evaluates_with_precedence() =>
        Evaluate("{12}+{13}-0.5*{7}", (12, 10m), (13, 5m), (7, 4m)).ShouldBe(13m);

    [Fact]
    public void Referenced_meters_are_listed_once_in_order() =>
        MeterFormula.Parse("{12}+{7}*({12}-{3})").ReferencedMeters.ShouldBe([3L, 7L, 12L]);

    [Theory]
    [InlineData("({1}+{2})*2", 6)]
    [InlineData("{1} + {2} * 2", 5)]
    [InlineData("-{1}+{2}", 1)]
    [InlineData("{2}-{1}-{1}", 0)]
    [InlineData("{2}/{1}/2", 1)]
    [InlineData("  1.25 * 4 ", 5)]
    [InlineData("--{1}", 1)]
    [InlineData("{1}/({2}-{2})", 0)]
    public void Arithmetic_follows_the_usual_rules(string formula, decimal expected) =>
        Evaluate(formula, (1, 1m), (2, 2m)).ShouldBe(expected);

    [Fact]
    public void Canonical_text_shows_the_structure() =>
        MeterFormula.Parse("{1}+{2}*3").Root.ToString().ShouldBe("({1} + ({2} * 3))");

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("{1}+", 5, "unexpected end")]
    [InlineData("{1}++", 6, "unexpected end")]
    [InlineData("{1} {2}", 5, "unexpected '{'")]
    [InlineData("({1}+{2}", 9, "'(' at position 1 is not closed")]
    [InlineData("{1})", 4, "unexpected ')'")]
    [InlineData("{a}", 2, "positive id in braces")]
    [InlineData("{12", 4, "positive id in braces")]
    [InlineData("{0}", 2, "not a meter id")]
    [InlineData("1.", 3, "digits after its decimal point")]
    [InlineData("{1}^2", 4, "unexpected '^'")]
    [InlineData("eval(1)", 1, "unexpected 'e'")]
    public void Syntax_errors_name_the_position(string formula, int position, string problem)
    {
        var error = Should.Throw<FormulaSyntaxException>(() => MeterFormula.Parse(formula));
        error.Position.ShouldBe(position);
        error.Message.ShouldContain(problem);
        error.Message.ShouldContain($"position {position}");
    }

    [Fact]
    public void Deep_nesting_is_refused_instead_of_overflowing_the_stack()
    {
        var formula = new string('(', 10_000) + "1" + new string(')', 10_000);
        Should.Throw<FormulaSyntaxException>(() => MeterFormula.Parse(formula)).Message.ShouldContain("longer than");
        Should.Throw<FormulaSyntaxException>(() => MeterFormula.Parse(new string('-', 500) + "1")).Message.ShouldContain("nests deeper");
    }
}
