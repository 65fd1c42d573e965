using Energy.Domain.Oee;
using Energy.Domain.Tests.Support;

namespace Energy.Domain.Tests.Oee;

public class OeeRuleDeciderTests
{
    private static readonly DateTimeOffset Noon = new(2024, 3, 1, 4, 0, 0, TimeSpan.Zero);
    private static readonly OeeRuleDetails Running = new("压机运行", "运行", 1, 2, "P", 10, 1000);
    private static readonly Decider<OeeRule, OeeRuleCommand> Rules = new(OeeRule.None, OeeRule.Evolve, OeeRuleDecider.Decide);

    [Fact]
    public void Adding_a_rule_records_it_with_the_instant_it_applies_from() =>
        Rules.Given().When(new AddOeeRule(1, Running, Noon)).ShouldBe([new OeeRuleAdded(1, Running, Noon)]);

    [Fact]
    public void Changing_a_rule_records_the_new_description_from_its_instant() =>
        Rules.Given(new OeeRuleAdded(1, Running, Noon))
            .When(new ChangeOeeRule(1, Running with { Lower = 20 }, Noon.AddHours(1)))
            .ShouldBe([new OeeRuleChanged(1, Running with { Lower = 20 }, Noon.AddHours(1))]);

    [Fact]
    public void Changing_a_rule_to_what_it_is_records_nothing() =>
        Rules.Given(new OeeRuleAdded(1, Running, Noon)).When(new ChangeOeeRule(1, Running, Noon.AddHours(1))).ShouldBeEmpty();

    [Fact]
    public void Removing_a_removed_rule_is_not_found() =>
        Rules.Given(new OeeRuleAdded(1, Running, Noon), new OeeRuleRemoved(1, Noon.AddHours(1)))
            .Refuses(new RemoveOeeRule(1, Noon.AddHours(2))).Rule.ShouldBe(DomainRule.NotFound);

    [Fact]
    public void Limits_out_of_order_are_refused_naming_LowerLimit() =>
        Rules.Given().Refuses(new AddOeeRule(1, Running with { Lower = 1001 }, Noon))
            .ShouldSatisfyAllConditions(e => e.Rule.ShouldBe(DomainRule.Invalid), e => e.Field.ShouldBe("LowerLimit"));

    [Theory]
    [InlineData("")]
    [InlineData("kW")]
    [InlineData("p")]
    [InlineData("EP5")]
    public void An_unknown_parameter_is_refused_naming_Meter_Parameter(string parameter) =>
        Rules.Given().Refuses(new AddOeeRule(1, Running with { Parameter = parameter }, Noon)).Field.ShouldBe("Meter_Parameter");

    [Theory]
    [InlineData("UA")]
    [InlineData("IR")]
    [InlineData("PFC")]
    [InlineData("EP4")]
    [InlineData("TE")]
    public void Every_contract_parameter_is_accepted(string parameter) =>
        Rules.Given().When(new AddOeeRule(1, Running with { Parameter = parameter }, Noon)).Count.ShouldBe(1);

    [Fact]
    public void Equal_limits_are_a_point_interval_and_accepted() =>
        Rules.Given().When(new AddOeeRule(1, Running with { Lower = 5, Upper = 5 }, Noon)).Count.ShouldBe(1);
}
