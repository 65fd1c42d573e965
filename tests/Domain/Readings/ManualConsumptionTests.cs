using Energy.Domain.Readings;

namespace Energy.Domain.Tests.Readings;

/// <summary>Given events / when a fill / then events, for seed 5.6.</summary>
public sealed class ManualConsumptionTests
{
    private static readonly DateTimeOffset At = new(2019, 4, 2, 1, 0, 0, TimeSpan.Zero);

    private static RecordManualConsumption Fill(decimal amount, ManualPeriodKind kind = ManualPeriodKind.Day, string label = "2019-04-01") =>
        new(12, kind, label, amount, At, "admin");

    private static object[] Given(params object[] history) => history;

    private static IReadOnlyList<object> When(object[] given, RecordManualConsumption command) =>
        ManualConsumption.Decide(command, given.Aggregate(ManualConsumptionState.Initial, ManualConsumption.Evolve));

    [Fact]
    public void The_first_fill_of_a_period_is_recorded()
    {
        When(Given(), Fill(10.5m)).ShouldBe([new ManualConsumptionRecorded(12, ManualPeriodKind.Day, "2019-04-01", 10.5m, At, "admin")]);
    }

    [Fact]
    public void A_different_amount_for_the_same_period_corrects_it_and_names_the_amount_it_replaces()
    {
        var given = Given(new ManualConsumptionRecorded(12, ManualPeriodKind.Day, "2019-04-01", 10.5m, At, "admin"));

        When(given, Fill(11m)).ShouldBe([new ManualConsumptionCorrected(12, ManualPeriodKind.Day, "2019-04-01", 11m, 10.5m, At, "admin")]);
    }

    [Fact]
    public void A_second_correction_replaces_the_corrected_amount()
    {
        var given = Given(
            new ManualConsumptionRecorded(12, ManualPeriodKind.Day, "2019-04-01", 10.5m, At, "admin"),
            new ManualConsumptionCorrected(12, ManualPeriodKind.Day, "2019-04-01", 11m, 10.5m, At, "admin"));

        When(given, Fill(12m)).OfType<ManualConsumptionCorrected>().Single().Replaces.ShouldBe(11m);
    }

    [Fact]
    public void The_same_amount_again_records_nothing()
    {
        When(Given(new ManualConsumptionRecorded(12, ManualPeriodKind.Day, "2019-04-01", 10.50m, At, "admin")), Fill(10.5m)).ShouldBeEmpty();
    }

    [Fact]
    public void A_day_and_the_month_around_it_are_different_periods()
    {
        var given = Given(new ManualConsumptionRecorded(12, ManualPeriodKind.Day, "2019-04-01", 10.5m, At, "admin"));

        When(given, Fill(300m, ManualPeriodKind.Month, "2019-04")).ShouldHaveSingleItem().ShouldBeOfType<ManualConsumptionRecorded>();
    }
}
