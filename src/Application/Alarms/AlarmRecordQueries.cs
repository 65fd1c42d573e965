using Energy.Application.Common;
using Energy.Application.Settings;
using Energy.Domain;
using Energy.Domain.Calendar;

namespace Energy.Application.Alarms;

/// <summary>One 6.10 row: the interval's start (plant wall clock) and the count, per key when grouped.</summary>
public sealed record AlarmCountRow(DateTime Time, long Count, int? Key);

/// <summary>Seed 6.9 and 6.10 over the alarm read models.</summary>
public sealed class AlarmRecordQueries(IAlarmRecordReader records, IAlarmCountReader counts, SettingsQueries settings, PlantTime plantTime)
{
    public Task<(IReadOnlyList<AlarmRecordRow> Rows, long Total)> ListAsync(AlarmRecordFilter filter, Paging paging, CancellationToken ct = default)
    {
        if (filter.To <= filter.From)
        {
            throw ContractError.BadParameter("Time_End", "must be after Time_Start");
        }

        return records.ListAsync(filter, paging, ct);
    }

    /// <summary>
    /// 6.10: the window and its intervals come from the reporting calendar (CONTRACT §6). Return_Format 1 gives one
    /// row for the whole window, 2 one row per interval (hours of a day, days of a month, months of a year).
    /// Grouped rows list every level (1–3), type (1–3) or channel (1–4), zeros included, so the shape is fixed.
    /// </summary>
    public async Task<IReadOnlyList<AlarmCountRow>> CountAsync(
        TimeType type, DateTimeOffset start, DateTimeOffset end, AlarmStatisticMethod method, bool detailed, CancellationToken ct = default)
    {
        var calendar = await settings.CalendarAsync(ct);
        var window = DomainRules.AsBadParameter(() => calendar.Window(type, plantTime.ToWallClock(start), plantTime.ToWallClock(end)));

        var periods = detailed ? calendar.Split(type, window) : [window];
        var intervals = periods.Select(p => (Utc(p.Start), Utc(p.End))).ToList();
        var found = await counts.CountAsync(intervals, method, ct);
        int[] keys = method switch
        {
            AlarmStatisticMethod.Level or AlarmStatisticMethod.Type => [1, 2, 3],
            AlarmStatisticMethod.Notify => [1, 2, 3, 4],
            _ => [0],
        };
        return periods.SelectMany((p, i) => keys.Select(k => new AlarmCountRow(
            p.Start, found.GetValueOrDefault((i, k)), method == AlarmStatisticMethod.Total ? null : k))).ToList();
    }

    private DateTimeOffset Utc(DateTime wallClock) =>
        plantTime.TryFromWallClock(wallClock, out var instant) ? instant : new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(wallClock.AddHours(1), plantTime.Zone), TimeSpan.Zero);
}
