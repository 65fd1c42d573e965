using Dapper;
using Energy.Application.Common;
using Energy.Application.Settings;
using Energy.Domain.Calendar;
using Energy.Domain.Oee;
using Npgsql;

namespace Energy.Application.Oee;

/// <summary>A 7.5 row: the machine's status from <see cref="Time"/> on.</summary>
public sealed record OeeRecord(DateTimeOffset Time, string StatusName);

/// <summary>A 7.6 row: seconds in a status within the interval starting at <see cref="Time"/>, and (ext) the interval's availability.</summary>
public sealed record OeeStatistic(DateTimeOffset Time, string StatusName, long Seconds, decimal Availability);

/// <summary>Seed 7.5 and 7.6, over the timeline read model (CONTRACT §7).</summary>
public sealed class OeeQueries(IOeeTimelineReader timeline, SettingsQueries settings, PlantTime plantTime, NpgsqlDataSource dataSource, TimeProvider clock)
{
    public static readonly TimeSpan MaxRecordWindow = TimeSpan.FromHours(24);

    /// <summary>7.5: the status at <paramref name="start"/>, then one row per change before <paramref name="end"/>; at most 24 h (else 4103).</summary>
    public async Task<IReadOnlyList<OeeRecord>> RecordsAsync(long machineId, DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default)
    {
        if (end <= start)
        {
            throw ContractError.BadParameter("Time_End", $"must be after Time_Start ({plantTime.Format(start)})");
        }

        if (end - start > MaxRecordWindow)
        {
            throw ContractError.BadParameter("Time_End", $"must be at most 24 hours after Time_Start (seed 7.5), got {(end - start).TotalHours:0.##} hours");
        }

        await EnsureMachineAsync(machineId, ct);
        var span = await timeline.SpanAsync(machineId, start, end, ct);
        return [new OeeRecord(start, span.StatusAtStart), .. span.Changes.Select(c => new OeeRecord(c.At, c.To))];
    }

    /// <summary>
    /// 7.6: seconds per status in the window of CONTRACT §6 (<paramref name="detailed"/>: per hour of a day, per day
    /// of a month, per month of a year). Time after now is not counted: the status then is not known yet.
    /// <c>Availability</c> (ext) is the share of each row's interval, as far as it has elapsed, spent in a
    /// <paramref name="running"/> status.
    /// </summary>
    public async Task<IReadOnlyList<OeeStatistic>> StatisticsAsync(
        long machineId, TimeType type, DateTimeOffset timeStart, DateTimeOffset timeEnd, bool detailed, IReadOnlySet<string> running, CancellationToken ct = default)
    {
        var calendar = await settings.CalendarAsync(ct);
        var window = DomainRules.AsBadParameter(() => calendar.Window(type, plantTime.ToWallClock(timeStart), plantTime.ToWallClock(timeEnd)));
        var intervals = (detailed ? calendar.Split(type, window) : [window]).Select(p => (Start: Instant(p.Start), End: Instant(p.End))).ToList();
        await EnsureMachineAsync(machineId, ct);

        var windowStart = intervals[0].Start;
        var known = Min(intervals[^1].End, clock.GetUtcNow());
        if (known <= windowStart)
        {
            return [];
        }

        var span = await timeline.SpanAsync(machineId, windowStart, known, ct);
        var rows = new List<OeeStatistic>();
        foreach (var (start, end) in intervals)
        {
            var until = Min(end, known);
            if (until <= start)
            {
                break;
            }

            var statusAtStart = span.Changes.LastOrDefault(c => c.At <= start)?.To ?? span.StatusAtStart;
            var seconds = OeeDurations.Seconds(statusAtStart, span.Changes, start, until);
            var total = seconds.Values.Sum();
            var availability = total == 0 ? 0 : Math.Round((decimal)seconds.Where(s => running.Contains(s.Key)).Sum(s => s.Value) / total, 4);
            rows.AddRange(seconds.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new OeeStatistic(start, s.Key, s.Value, availability)));
        }

        return rows;
    }

    private DateTimeOffset Instant(DateTime wallClock) =>
        plantTime.TryFromWallClock(wallClock, out var instant)
            ? instant
            : throw ContractError.BadParameter("Time_Start", $"names a wall-clock time the plant's zone skips ({wallClock:yyyy-MM-dd HH:mm:ss})");

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private async Task EnsureMachineAsync(long machineId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        if (!await conn.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM machines WHERE id = @machineId)", new { machineId }, cancellationToken: ct)))
        {
            throw ContractError.NotFound("machine (Meter_Superior_id)", machineId);
        }
    }
}
