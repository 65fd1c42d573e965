using Energy.Domain.Production;

namespace Energy.Domain.Tests.Production;

/// <summary>Given events / when a command / then events, for output records (8.6–8.8).</summary>
public sealed class OutputDeciderTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    private static OutputDetails Details(decimal amount = 40, int hours = 1) => new(1, 2, 3, amount, Start, Start.AddHours(hours));

    private static Output Given(params object[] events) => events.Aggregate(Output.None, Output.Evolve);

    [Fact]
    public void A_record_is_recorded_once()
    {
        Output.Record(Given(), 7, Details(), Start).ShouldBe([new OutputRecorded(7, Details(), Start)]);
        Should.Throw<DomainRuleException>(() => Output.Record(Given(new OutputRecorded(7, Details(), Start)), 7, Details(), Start));
    }

    [Fact]
    public void A_correction_keeps_the_old_record_in_the_history_and_a_same_correction_appends_nothing()
    {
        var given = Given(new OutputRecorded(7, Details(), Start));
        Output.Correct(given, 7, Details(80), Start).ShouldBe([new OutputCorrected(7, Details(80), Start)]);
        Output.Correct(given, 7, Details(), Start).ShouldBeEmpty();
    }

    [Fact]
    public void A_removed_record_can_be_neither_corrected_nor_removed_again()
    {
        var given = Given(new OutputRecorded(7, Details(), Start), new OutputRemoved(7, Start));
        Should.Throw<DomainRuleException>(() => Output.Correct(given, 7, Details(80), Start)).Rule.ShouldBe(DomainRule.NotFound);
        Should.Throw<DomainRuleException>(() => Output.Remove(given, 7, Start)).Rule.ShouldBe(DomainRule.NotFound);
    }

    [Fact]
    public void A_negative_amount_or_an_empty_window_is_refused_naming_the_field()
    {
        Should.Throw<DomainRuleException>(() => Output.Record(Given(), 7, Details(-1), Start)).Field.ShouldBe("Total_Amount");
        Should.Throw<DomainRuleException>(() => Output.Record(Given(), 7, Details(hours: 0), Start)).Field.ShouldBe("Time_End");
    }
}
