using Energy.Domain.Calendar;
using Energy.Domain.Shifts;

namespace Energy.Domain.Tests.Shifts;

public class ShiftPlanTests
{
    private static readonly DateTimeOffset Now = new(2019, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private static Shift S(string name, int start, int end) => new(name, new TimeOnly(start, 0), new TimeOnly(end, 0));

    [Theory]
    [InlineData(8, "白班")]
    [InlineData(19, "白班")]
    [InlineData(20, "夜班")]
    [InlineData(0, "夜班")]
    [InlineData(7, "夜班")]
    public void The_default_day_and_night_shifts_split_the_clock_at_8_and_20(int hour, string shift)
    {
        ShiftPlan.Default.Validate().ShiftAt(new TimeOnly(hour, 59)).Name.ShouldBe(shift);
    }

    [Fact]
    public void Three_shifts_that_chain_around_the_clock_are_accepted()
    {
        new ShiftPlan([S("早班", 0, 8), S("中班", 8, 16), S("晚班", 16, 0)]).Validate().ShiftAt(new TimeOnly(23, 0)).Name.ShouldBe("晚班");
    }

    [Fact]
    public void One_shift_from_a_time_to_the_same_time_is_the_whole_day()
    {
        new ShiftPlan([S("全天", 6, 6)]).Validate().ShiftAt(new TimeOnly(5, 59)).Name.ShouldBe("全天");
    }

    [Theory]
    [InlineData("[1].End", "A", 8, 20, "B", 20, 7)]
    [InlineData("[0].End", "A", 8, 21, "B", 20, 8)]
    [InlineData("[1].Shift_Name", "A", 8, 20, "A", 20, 8)]
    [InlineData("[1].Start", "A", 8, 20, "B", 8, 20)]
    [InlineData("[0].Shift_Name", " ", 8, 20, "B", 20, 8)]
    public void Shifts_that_overlap_leave_a_gap_or_share_a_name_are_refused_naming_the_entry(
        string field, string a, int aStart, int aEnd, string b, int bStart, int bEnd)
    {
        var plan = new ShiftPlan([S(a, aStart, aEnd), S(b, bStart, bEnd)]);
        Should.Throw<DomainRuleException>(() => plan.Validate()).Field.ShouldBe(field);
    }

    [Fact]
    public void An_empty_plan_is_refused() => Should.Throw<DomainRuleException>(() => new ShiftPlan([]).Validate());

    [Fact]
    public void A_window_is_cut_into_the_shift_stretches_it_crosses()
    {
        var window = new Period(new DateTime(2019, 4, 1, 7, 30, 0), new DateTime(2019, 4, 2, 7, 30, 0));
        var stretches = ShiftPlan.Default.Occurrences(window);
        stretches.Select(s => (s.Shift.Name, s.Period.Length.TotalMinutes)).ShouldBe(
            [("夜班", 30), ("白班", 720), ("夜班", 690)]);
    }

    [Fact]
    public void Given_the_default_plan_when_the_same_plan_is_set_then_nothing_happens() =>
        ShiftSettings.Decide(new ChangeShifts(new ShiftPlan([S("白班", 8, 20), S("夜班", 20, 8)]), Now), ShiftSettings.Initial).ShouldBeEmpty();

    [Fact]
    public void Given_the_default_plan_when_three_shifts_are_set_then_they_are_recorded()
    {
        var shifts = new[] { S("早班", 0, 8), S("中班", 8, 16), S("晚班", 16, 0) };
        var events = ShiftSettings.Decide(new ChangeShifts(new ShiftPlan(shifts), Now), ShiftSettings.Initial);
        events.Single().ShouldBeOfType<ShiftsChanged>().Shifts.ShouldBe(shifts);
        events.Aggregate(ShiftSettings.Initial, ShiftSettings.Evolve).Shifts.ShouldBe(shifts);
    }
}
