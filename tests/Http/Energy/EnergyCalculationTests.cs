using Energy.Application.Energy;
using Energy.Application.Energy.Reports;
using Energy.Application.Meters;
using Energy.Domain.Calendar;
using Energy.Domain.Rates;

namespace Energy.Http.Tests.Consumption;

/// <summary>The pure parts of the energy queries: grouping, spans, virtual evaluation per window, cost per priced span.</summary>
public sealed class EnergyCalculationTests
{
    private static readonly DateTimeOffset T0 = new(2019, 4, 1, 2, 0, 0, TimeSpan.Zero);

    private static MeterFacts Meter(long id, string machine = "机", string department = "车间", int type = 0, bool count = true,
        string formula = "", bool handWork = false, DateTimeOffset? deleted = null) =>
        new(id, "m" + id, type, 1, machine, department, count, formula.Length > 0, formula, false, handWork, "", T0.AddYears(-1), deleted);

    private static TimeWindow Hour(int offset) => new(T0.AddHours(offset), T0.AddHours(offset + 1));

    [Fact]
    public void Aggregates_leave_out_uncounted_meters_but_a_by_meter_query_shows_them()
    {
        MeterFacts[] meters = [Meter(1), Meter(2, count: false), Meter(3, machine: "乙", type: 1)];

        var byType = EnergyGrouping.Of(meters, AmountType.ByEnergyType, AmountCombination.ByEnergyType, [], []);
        byType.Select(g => (g.EnergyType, g.Meters.Count)).ShouldBe([(0, 1), (1, 1)]);
        EnergyGrouping.Of(meters, AmountType.ByMeter, AmountCombination.ByEnergyType, ["m2"], []).ShouldHaveSingleItem().Meter.ShouldBe("m2");
        EnergyGrouping.Of(meters, AmountType.ByMachine, AmountCombination.ByEnergyType, ["乙"], []).ShouldHaveSingleItem().Machine.ShouldBe("乙");
        var byDepartment = EnergyGrouping.Of(meters, AmountType.ByDepartment, AmountCombination.ByEnergyType, [], [0]).ShouldHaveSingleItem();
        (byDepartment.Department, byDepartment.Machine, byDepartment.Meter).ShouldBe(("车间", "", ""));
    }

    [Fact]
    public void A_type_asked_for_by_name_gets_a_row_even_without_meters()
    {
        EnergyGrouping.Of([Meter(1)], AmountType.ByEnergyType, AmountCombination.ByEnergyType, [], [8])
            .ShouldHaveSingleItem().ShouldBe(new EnergyGroup("", "", "", 8, []), new GroupComparer());
    }

    [Fact]
    public void Spans_run_from_each_bindings_attribution_start_to_its_end_and_deletion_ends_them()
    {
        var bound = T0.AddDays(10);
        var rebound = T0.AddDays(20);
        var deleted = T0.AddDays(30);
        var spans = MeterSpans.Of(Meter(1, deleted: deleted),
            [new MeterBinding(1, "D1", bound, rebound, DateTimeOffset.MinValue), new MeterBinding(1, "D2", rebound, null, rebound)]);

        spans.ShouldBe([new SourceSpan("D1", DateTimeOffset.MinValue, rebound), new SourceSpan("D2", rebound, deleted)]);
        MeterSpans.Of(Meter(2, handWork: true), []).Select(s => s.Source).ShouldBe(["manual:2:day", "manual:2:month"]);
    }

    [Fact]
    public void A_virtual_meter_multiplies_within_each_window_not_over_sums()
    {
        var meters = new Dictionary<long, MeterFacts> { [1] = Meter(1), [2] = Meter(2), [3] = Meter(3, formula: "{1}*{2}") };
        var plan = new ConsumptionPlan(meters);
        var group = new EnergyGroup("", "", "m3", 0, [3]);
        var calculation = new EnergyCalculation(plan, new RateSchedule([new RateVersion(0, DateTimeOffset.MinValue, EnergyTypeRates.Initial(0))], TimeZoneInfo.Utc));
        calculation.Rows([group], new TimeWindow(T0, T0.AddHours(2)), [Hour(0), Hour(1)], [], []);

        plan.RealMeters.ShouldBe([1, 2], ignoreOrder: true);
        var values = new Dictionary<TimeWindow, (decimal A, decimal B)>
        {
            [Hour(0)] = (2, 3), [Hour(1)] = (4, 5), [new TimeWindow(T0, T0.AddHours(2))] = (6, 8),
        };
        plan.Load(new Dictionary<long, decimal[]>
        {
            [1] = plan.Windows.Select(w => values[w].A).ToArray(),
            [2] = plan.Windows.Select(w => values[w].B).ToArray(),
        });

        var row = new EnergyCalculation(plan, new RateSchedule([new RateVersion(0, DateTimeOffset.MinValue, EnergyTypeRates.Initial(0))], TimeZoneInfo.Utc))
            .Rows([group], new TimeWindow(T0, T0.AddHours(2)), [Hour(0), Hour(1)], [], []).ShouldHaveSingleItem();
        row.Intervals.Select(i => i.Amount).ShouldBe([6m, 20m]);
        row.Total.Amount.ShouldBe(48m);
    }

    [Fact]
    public void Cost_reads_each_span_of_one_price_so_a_rate_change_inside_a_window_is_honoured()
    {
        var change = T0.AddMinutes(30);
        var schedule = new RateSchedule(
            [new RateVersion(0, DateTimeOffset.MinValue, EnergyTypeRates.Initial(0) with { Value = 1m }),
             new RateVersion(0, change, EnergyTypeRates.Initial(0) with { Value = 3m })], TimeZoneInfo.Utc);
        var plan = new ConsumptionPlan(new Dictionary<long, MeterFacts> { [1] = Meter(1) });
        var group = new EnergyGroup("", "", "m1", 0, [1]);
        new EnergyCalculation(plan, schedule).Figures(group, Hour(0));
        var read = new Dictionary<TimeWindow, decimal> { [Hour(0)] = 10m, [new(T0, change)] = 4m, [new(change, T0.AddHours(1))] = 6m };
        plan.Windows.ShouldBe(read.Keys, ignoreOrder: true);

        plan.Load(new Dictionary<long, decimal[]> { [1] = plan.Windows.Select(w => read[w]).ToArray() });

        new EnergyCalculation(plan, schedule).Figures(group, Hour(0)).ShouldBe(new EnergyFigures(10m, 22m));
    }

    private sealed class GroupComparer : IEqualityComparer<EnergyGroup>
    {
        public bool Equals(EnergyGroup? x, EnergyGroup? y) =>
            x is not null && y is not null && (x.Department, x.Machine, x.Meter, x.EnergyType) == (y.Department, y.Machine, y.Meter, y.EnergyType)
            && x.Meters.SequenceEqual(y.Meters);

        public int GetHashCode(EnergyGroup obj) => obj.EnergyType;
    }
}
