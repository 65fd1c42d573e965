using Energy.Domain.Alarms;
using Energy.Domain.Energy;
using Energy.Domain.Tests.Support;

namespace Energy.Domain.Tests.Alarms;

public class AlarmRuleDeciderTests
{
    private static readonly AlarmRuleDetails Voltage = new("A相电压", 1, 7, "UA", 200, 250);
    private static readonly Decider<AlarmRule, AlarmRuleCommand> Rules = new(AlarmRule.None, AlarmRule.Evolve, AlarmRuleDecider.Decide);

    [Fact]
    public void A_parameter_rule_is_defined_with_its_limits() =>
        Rules.Given().When(new DefineAlarmRule(3, Voltage, AlarmType.InstantaneousParameter)).ShouldBe([new AlarmRuleDefined(3, Voltage)]);

    [Fact]
    public void A_parameter_rule_without_a_parameter_is_refused() =>
        Rules.Given().Refuses(new DefineAlarmRule(3, Voltage with { Parameter = "" }, AlarmType.InstantaneousParameter))
            .ShouldSatisfyAllConditions(e => e.Rule.ShouldBe(DomainRule.Invalid), e => e.Field.ShouldBe("Meter_Parameter"));

    [Fact]
    public void Limits_in_the_wrong_order_are_refused() =>
        Rules.Given().Refuses(new DefineAlarmRule(3, Voltage with { LowerLimit = 300 }, AlarmType.InstantaneousParameter)).Field.ShouldBe("LowerLimit");

    [Fact]
    public void A_rule_of_a_missing_alarm_breaks_a_rule() =>
        Rules.Given().Refuses(new DefineAlarmRule(3, Voltage, null)).Rule.ShouldBe(DomainRule.Violated);

    [Fact]
    public void An_hourly_rule_keeps_no_parameter() =>
        Rules.Given().When(new DefineAlarmRule(3, Voltage, AlarmType.HourlyConsumption)).ShouldBe([new AlarmRuleDefined(3, Voltage with { Parameter = "" })]);

    [Fact]
    public void Changing_a_rule_to_what_it_is_records_nothing() =>
        Rules.Given(new AlarmRuleDefined(3, Voltage)).When(new ChangeAlarmRule(3, Voltage, AlarmType.InstantaneousParameter)).ShouldBeEmpty();

    [Fact]
    public void Deleting_a_deleted_rule_is_not_found() =>
        Rules.Given(new AlarmRuleDefined(3, Voltage), new AlarmRuleDeleted(3, DateTimeOffset.UnixEpoch))
            .Refuses(new DeleteAlarmRule(3, DateTimeOffset.UnixEpoch)).Rule.ShouldBe(DomainRule.NotFound);

    [Fact]
    public void Only_hours_with_readings_on_both_sides_are_judged()
    {
        var t = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var hours = HourlyJudge.CompleteHours([new CounterReading(t.AddMinutes(10), 0), new CounterReading(t.AddHours(1), 50), new CounterReading(t.AddHours(2).AddMinutes(30), 180)], t);

        hours.Select(h => h.Hour).ShouldBe([t.AddHours(1)]);
        Math.Round(hours[0].Consumption, 6).ShouldBe(86.666667m);
    }
}
