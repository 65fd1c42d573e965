using Energy.Application.Common;
using Energy.Application.Meters;
using Energy.Application.Rates;
using Energy.Application.Settings;
using Energy.Domain.Calendar;
using Energy.Domain.Shifts;

namespace Energy.Application.Energy;

/// <summary>What an energy answer carries beyond the whole window's totals.</summary>
[Flags]
public enum EnergyDetail
{
    Totals = 0,

    /// <summary>Per <c>Time_Interval</c> point (3.2, 3.4, 3.5).</summary>
    Intervals = 1,

    /// <summary>Per shift (3.5 <c>Shift_Amounts</c>).</summary>
    Shifts = 2,

    /// <summary>The figures must be exactly those of <see cref="EnergyAnswer.Sequence"/> (a report that records it).</summary>
    PinnedSequence = 4,
}

/// <summary>An energy query's answer: the reporting window, the interval starts, the rows and the sequence they reflect.</summary>
public sealed record EnergyAnswer(
    Period Window, IReadOnlyList<DateTimeOffset> IntervalStarts, IReadOnlyList<string> ShiftNames, IReadOnlyList<EnergyRow> Rows, long Sequence);

/// <summary>Seed 3.1, 3.2, 3.4 and 3.5 over the energy read model, the meter catalog, the calendar and the rates.</summary>
public sealed partial class EnergyQueries(
    MeterQueries meterQueries, SettingsQueries settings, RateQueries rateQueries, IConsumptionReader reader, PlantTime plantTime)
{
    /// <summary>
    /// The most points (intervals) one query may have: 10 000 is a week at 1-minute intervals or a year at
    /// 60 minutes; beyond that an answer is too big to be useful and costly to compute (4103 <c>Time_Interval</c>).
    /// </summary>
    public const int MaxPoints = 10_000;

    public async Task<EnergyAnswer> RunAsync(EnergyQuery query, EnergyDetail detail, CancellationToken ct = default)
    {
        var calendar = await settings.CalendarAsync(ct);
        var window = calendar.Window(query.TimeType, plantTime.ToWallClock(query.TimeStart), plantTime.ToWallClock(query.TimeEnd));
        var whole = Instants(window);
        var intervals = detail.HasFlag(EnergyDetail.Intervals) ? Intervals(calendar, query, window) : [];
        var shiftPlan = detail.HasFlag(EnergyDetail.Shifts) ? await settings.ShiftsAsync(ct) : null;
        var shiftNames = shiftPlan?.Shifts.Select(s => s.Name).ToList() ?? [];
        var shifts = shiftPlan?.Occurrences(window).Select(o => new ShiftWindow(o.Shift.Name, Instants(o.Period))).ToList() ?? [];

        var current = await reader.CurrentSequenceAsync(ct);
        if (query.AsOfSequence > current)
        {
            // Figures past what the read model has applied would change once it catches up: not reproducible.
            throw ContractError.BadParameter(EnergyQueryInput.AsOfSequenceField,
                $"must be at most {current}, the last event the energy figures include, got {query.AsOfSequence}");
        }

        var all = (await meterQueries.AllAsync(includeDeleted: true, ct)).ToDictionary(m => m.MeterId);
        var visible = all.Values.Where(m => m.DeletedAt is null || m.DeletedAt > whole.From);
        var groups = EnergyGrouping.Of(visible, query.AmountType, query.Combination, query.Names, query.EnergyTypes);

        var rates = await rateQueries.ScheduleAsync(ct);
        var plan = new ConsumptionPlan(all);
        new EnergyCalculation(plan, rates).Rows(groups, whole, intervals, shiftNames, shifts);

        var spans = await SpansAsync(plan, all, ct);
        var sequence = query.AsOfSequence ?? current;
        var figures = await reader.ReadAsync(spans, plan.Windows, query.AsOfSequence, ct);
        if (query.AsOfSequence is null && detail.HasFlag(EnergyDetail.PinnedSequence))
        {
            var after = await reader.CurrentSequenceAsync(ct);
            if (after != current)
            {
                // The projection moved while we read: read again exactly as of a sequence we can name.
                figures = await reader.ReadAsync(spans, plan.Windows, after, ct);
                sequence = after;
            }
        }

        plan.Load(figures);
        var rows = new EnergyCalculation(plan, rates).Rows(groups, whole, intervals, shiftNames, shifts);
        return new EnergyAnswer(window, intervals.Select(i => i.From).ToList(), shiftNames, rows, sequence);
    }

    private async Task<Dictionary<long, IReadOnlyList<SourceSpan>>> SpansAsync(
        ConsumptionPlan plan, Dictionary<long, MeterFacts> all, CancellationToken ct)
    {
        return await MeterSpans.OfAsync(meterQueries, plan.RealMeters.Select(id => all[id]), ct);
    }
}
