using Energy.Domain.Calendar;
using Energy.Domain.Shifts;
using Energy.Application.EventStore;

namespace Energy.Application.Settings;

/// <summary>
/// The plant-wide settings as the energy queries use them. Each lives in one short stream that is folded on
/// read: a handful of events, and a fold always sees the last acknowledged change (no projection lag).
/// </summary>
public sealed class SettingsQueries(IEventStore store)
{
    public async Task<ReportingPeriods> ReportingPeriodsAsync(CancellationToken ct = default) =>
        (await store.AggregateStreamAsync(ReportingPeriodsSettings.StreamId, ReportingPeriodsSettings.Initial, ReportingPeriodsSettings.Evolve, ct: ct)).State;

    /// <summary>The calendar of the current settings (CONTRACT §6): windows, labels and intervals in plant wall clock.</summary>
    public async Task<ReportingCalendar> CalendarAsync(CancellationToken ct = default) =>
        new(await ReportingPeriodsAsync(ct));

    /// <summary>The current shifts (白班/夜班 until someone sets others).</summary>
    public async Task<ShiftPlan> ShiftsAsync(CancellationToken ct = default) =>
        (await store.AggregateStreamAsync(ShiftSettings.StreamId, ShiftSettings.Initial, ShiftSettings.Evolve, ct: ct)).State;
}
