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
    public void A_late_inside_reading_inside_an_open_episode_ends_it_there_and_the_next_outside_one_is_a_new_excursion_as_in_order() =>
        Judge([E(1)], S(1, 260), S(2, 230), S(3, 270)).ShouldBe([new Clear(T.AddMinutes(1), T.AddMinutes(2), 230), new Raise(T.AddMinutes(3), 270)]);

    [Fact]
    public void One_page_that_comes_back_and_goes_out_again_clears_the_open_episode_and_raises_the_next() =>
        Judge([E(1)], S(0, 270), S(2, 230), S(3, 280), S(4, 240)).ShouldBe(
            [new Clear(T.AddMinutes(1), T.AddMinutes(2), 230), new Raise(T.AddMinutes(3), 280), new Clear(T.AddMinutes(3), T.AddMinutes(4), 240)]);

    [Fact]
    public void A_late_reading_inside_a_closed_episode_changes_nothing() =>
        Judge([E(1, 4)], S(1, 260), S(2, 230), S(3, 270), S(4, 230)).ShouldBeEmpty();
}
