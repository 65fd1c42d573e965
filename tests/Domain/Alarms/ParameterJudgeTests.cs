using Energy.Domain.Alarms;

namespace Energy.Domain.Tests.Alarms;

public class ParameterJudgeTests
{
    private static readonly DateTimeOffset T = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static Sample S(int minute, decimal value) => new(T.AddMinutes(minute), value);

    private static Episode E(int start, int? end = null) => new(T.AddMinutes(start), end is { } e ? T.AddMinutes(e) : null);

    private static IReadOnlyList<Verdict> Judge(Episode[] recorded, params Sample[] samples) =>
        ParameterJudge.Judge(samples, recorded, s => s.Value is >= 200 and <= 250);

    [Fact]
    public void A_value_outside_after_inside_raises_once() =>
        Judge([], S(0, 230), S(1, 260)).ShouldBe([new Raise(T.AddMinutes(1), 260)]);

    [Fact]
    public void Staying_outside_raises_nothing_more() =>
        Judge([E(1)], S(1, 260), S(2, 270)).ShouldBeEmpty();

    [Fact]
    public void Coming_back_clears_the_open_episode() =>
        Judge([E(1)], S(2, 270), S(3, 230)).ShouldBe([new Clear(T.AddMinutes(1), T.AddMinutes(3), 230)]);

    [Fact]
    public void A_late_outside_reading_between_inside_ones_adds_a_whole_episode() =>
        Judge([], S(0, 230), S(2, 280), S(4, 230)).ShouldBe([new Raise(T.AddMinutes(2), 280), new Clear(T.AddMinutes(2), T.AddMinutes(4), 230)]);

    [Fact]
    public void A_late_outside_reading_before_a_recorded_episode_does_not_raise_it_again() =>
        Judge([E(3)], S(1, 230), S(2, 280), S(3, 290)).ShouldBeEmpty();

    [Fact]
    public void A_late_inside_reading_inside_an_open_episode_neither_clears_nor_raises() =>
        Judge([E(1)], S(1, 260), S(2, 230), S(3, 270)).ShouldBeEmpty();

    [Fact]
    public void A_late_reading_inside_a_closed_episode_changes_nothing() =>
        Judge([E(1, 4)], S(1, 260), S(2, 230), S(3, 270), S(4, 230)).ShouldBeEmpty();
}
