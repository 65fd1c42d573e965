using Energy.Domain.Oee;

namespace Energy.Domain.Tests.Oee;

public class OeeTimelineRevisionTests
{
    private static readonly DateTimeOffset T0 = new(2024, 2, 29, 16, 0, 0, TimeSpan.Zero);

    private static OeeChange C(string from, string to, int minutes) => new(from, to, T0.AddMinutes(minutes));

    [Fact]
    public void The_same_timeline_again_appends_nothing() =>
        OeeTimelineRevision.Events(1, [C("停机", "运行", 10)], [C("停机", "运行", 10)]).ShouldBeEmpty();

    [Fact]
    public void New_changes_after_the_recorded_ones_are_plain_changes() =>
        OeeTimelineRevision.Events(1, [C("停机", "运行", 10)], [C("停机", "运行", 10), C("运行", "待机", 20)])
            .ShouldBe([new OeeStatusChanged(1, "运行", "待机", T0.AddMinutes(20))]);

    [Fact]
    public void A_late_change_before_recorded_ones_corrects_from_its_instant_and_reissues_only_the_tail()
    {
        // Recorded: 停机→运行 at 10, 运行→停机 at 30. A late reading at 20 says 待机 then.
        var events = OeeTimelineRevision.Events(1,
            recorded: [C("停机", "运行", 10), C("运行", "停机", 30)],
            derived: [C("停机", "运行", 10), C("运行", "待机", 20), C("待机", "停机", 30)]);

        events.ShouldBe([
            new OeeStatusTimelineCorrected(1, T0.AddMinutes(20)),
            new OeeStatusChanged(1, "运行", "待机", T0.AddMinutes(20)),
            new OeeStatusChanged(1, "待机", "停机", T0.AddMinutes(30)),
        ]);
    }

    [Fact]
    public void A_late_reading_that_removes_a_change_corrects_from_the_removed_one()
    {
        var events = OeeTimelineRevision.Events(1, [C("停机", "运行", 10), C("运行", "停机", 30)], [C("停机", "运行", 10)]);
        events.ShouldBe([new OeeStatusTimelineCorrected(1, T0.AddMinutes(30))]);
    }

    [Fact]
    public void Folding_a_corrected_stream_gives_the_derived_timeline_without_duplicates()
    {
        var recorded = new List<object>
        {
            new OeeStatusChanged(1, "未知", "停机", T0), new OeeStatusChanged(1, "停机", "运行", T0.AddMinutes(10)),
            new OeeStatusChanged(1, "运行", "停机", T0.AddMinutes(30)),
        };
        var derived = new[] { C("停机", "运行", 10), C("运行", "待机", 20), C("待机", "停机", 30) };
        recorded.AddRange(OeeTimelineRevision.Events(1, OeeTimelineRevision.Fold(recorded).Skip(1).ToList(), derived));

        OeeTimelineRevision.Fold(recorded).ShouldBe([C("未知", "停机", 0), .. derived]);
    }
}
