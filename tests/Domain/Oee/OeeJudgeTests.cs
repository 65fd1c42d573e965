using Energy.Domain.Oee;

namespace Energy.Domain.Tests.Oee;

public class OeeJudgeTests
{
    // 2024-03-01 00:00 in Asia/Shanghai.
    private static readonly DateTimeOffset Day = new(2024, 2, 29, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Made = Day.AddHours(-1);

    // CONTRACT §7 intervals are closed; [0,1) is written 0–0.999 (readings carry 3 decimals).
    private static readonly OeeRuleVersion[] Rules =
    [
        new(1, Made, new("停机规则", "停机", 1, 7, "P", 0, 0.999m)),
        new(2, Made, new("待机规则", "待机", 1, 7, "P", 1, 9.999m)),
        new(3, Made, new("运行规则", "运行", 1, 7, "P", 10, 1000)),
    ];

    private static OeeSample P(double hours, decimal kw) => new(7, "P", Day.AddHours(hours), kw);

    [Fact]
    public void A_scripted_day_of_power_readings_gives_one_change_per_status_switch()
    {
        var judge = new OeeJudge(Rules);
        var changes = judge.Derive(OeeStatus.Unknown, [], [P(0, 0), P(1.5, 5), P(2, 50), P(3, 50), P(4.25, 0), P(5, 0.5m)]);

        changes.ShouldBe([
            new OeeChange("未知", "停机", Day),
            new OeeChange("停机", "待机", Day.AddHours(1.5)),
            new OeeChange("待机", "运行", Day.AddHours(2)),
            new OeeChange("运行", "停机", Day.AddHours(4.25)),
        ]);
    }

    [Fact]
    public void The_lowest_rule_id_wins_where_limits_overlap()
    {
        var judge = new OeeJudge([.. Rules, new OeeRuleVersion(0, Made, new("重叠", "重载", 1, 7, "P", 40, 60))]);
        judge.Derive(OeeStatus.Unknown, [], [P(0, 50)]).Single().To.ShouldBe("重载");
    }

    [Fact]
    public void A_value_no_rule_covers_is_unknown() =>
        new OeeJudge(Rules).Derive("运行", [], [P(0, -3)]).ShouldBe([new OeeChange("运行", "未知", Day)]);

    [Fact]
    public void Limits_are_inclusive_at_both_ends() =>
        new OeeJudge(Rules).Derive(OeeStatus.Unknown, [], [P(0, 10), P(1, 1000), P(2, 9.999m)])
            .Select(c => c.To).ShouldBe(["运行", "待机"]);

    [Fact]
    public void A_rule_edit_judges_only_readings_from_its_instant_on()
    {
        var judge = new OeeJudge([.. Rules, new OeeRuleVersion(3, Day.AddHours(2), new("运行规则", "运行", 1, 7, "P", 60, 1000))]);
        judge.Derive(OeeStatus.Unknown, [], [P(1, 50), P(3, 50)])
            .ShouldBe([new OeeChange("未知", "运行", Day.AddHours(1)), new OeeChange("运行", "未知", Day.AddHours(3))]);
    }

    [Fact]
    public void A_removed_rule_judges_nothing_after_its_removal()
    {
        var judge = new OeeJudge([.. Rules, new OeeRuleVersion(3, Day.AddHours(2), null)]);
        judge.Derive(OeeStatus.Unknown, [], [P(1, 50), P(3, 50)]).Select(c => c.To).ShouldBe(["运行", "未知"]);
    }

    [Fact]
    public void The_latest_value_of_another_parameter_carries_over_between_readings()
    {
        var judge = new OeeJudge([new OeeRuleVersion(0, Made, new("过流", "过载", 1, 7, "IA", 100, 200)), .. Rules]);
        var changes = judge.Derive(OeeStatus.Unknown, [new OeeSample(7, "IA", Day.AddHours(-0.5), 150)], [P(0, 50), new(7, "IA", Day.AddHours(1), 10)]);
        changes.Select(c => (c.To, c.At)).ShouldBe([("过载", Day), ("运行", Day.AddHours(1))]);
    }

    [Fact]
    public void Seconds_per_status_fill_each_hour_exactly()
    {
        var changes = new OeeJudge(Rules).Derive(OeeStatus.Unknown, [], [P(0, 0), P(1.5, 5), P(2, 50), P(4.25, 0)]);
        var hour1 = OeeDurations.Seconds(OeeDurations.StatusAt(changes, Day.AddHours(1)), changes, Day.AddHours(1), Day.AddHours(2));
        hour1.ShouldBe(new Dictionary<string, long> { ["停机"] = 1800, ["待机"] = 1800 });
        var hour4 = OeeDurations.Seconds(OeeDurations.StatusAt(changes, Day.AddHours(4)), changes, Day.AddHours(4), Day.AddHours(5));
        hour4.ShouldBe(new Dictionary<string, long> { ["运行"] = 900, ["停机"] = 2700 });
        OeeDurations.Seconds(OeeStatus.Unknown, changes, Day.AddHours(-1), Day).ShouldBe(new Dictionary<string, long> { ["未知"] = 3600 });
    }

    [Fact]
    public void Seconds_of_pieces_inside_a_second_still_sum_to_the_span()
    {
        var change = new OeeChange("停机", "运行", Day.AddMilliseconds(1500));
        OeeDurations.Seconds("停机", [change], Day, Day.AddSeconds(3)).Values.Sum().ShouldBe(3);
    }
}
