using Energy.Application.Common;
using Energy.Application.Energy;
using Energy.Application.Meters;
using Energy.Application.Settings;
using Energy.Domain.Calendar;

namespace Energy.Application.Measurements;

/// <summary>One point of 3.3: a parameter's value at (day) or average over (month, year) an interval.</summary>
public sealed record MeasurePoint(DateTimeOffset Time, string Parameter, decimal? Value);

/// <summary>
/// 3.3 measure query (CONTRACT §6): the meter's window and intervals from the plant's reporting calendar; a day
/// query shows each parameter's latest sample at or before each point, month and year queries the average
/// of the samples in each interval. Samples come from the devices bound to the meter at the time.
/// </summary>
public sealed class MeasureQueries(MeterQueries meters, SettingsQueries settings, IMeasurementReader reader, PlantTime plantTime)
{
    public async Task<IReadOnlyList<MeasurePoint>> QueryAsync(
        TimeType type, DateTimeOffset start, DateTimeOffset end, int? interval, string meterName, IReadOnlyList<string> parameters, CancellationToken ct)
    {
        var meter = await meters.FindByNameAsync(meterName, ct) ?? throw ContractError.NotFoundByName("meter", meterName);
        var calendar = await settings.CalendarAsync(ct);
        var intervals = DomainRules.AsBadParameter(() =>
        {
            var window = calendar.Window(type, plantTime.ToWallClock(start), plantTime.ToWallClock(end));
            return calendar.Split(type, window, interval);
        });
        var windows = intervals.Select(p => new TimeWindow(Instant(p.Start), Instant(p.End))).ToArray();
        var devices = (await MeterSpans.OfAsync(meters, [meter], ct))[meter.MeterId]
            .Where(s => !s.Source.StartsWith("manual:", StringComparison.Ordinal))
            .ToArray();
        var names = parameters.Count > 0 ? parameters : await reader.ReportedParametersAsync(devices.Select(d => d.Source).Distinct().ToArray(), ct);

        var values = type == TimeType.Day
            ? await reader.LatestAtAsync(devices, names, windows.Select(w => w.From).ToArray(), ct)
            : await reader.AveragesAsync(devices, names, windows, ct);
        return names.SelectMany(name => windows.Select((w, i) => new MeasurePoint(w.From, name, values[name][i]))).ToArray();
    }

    private DateTimeOffset Instant(DateTime wallClock) =>
        plantTime.TryFromWallClock(wallClock, out var instant) ? instant : throw ContractError.BadParameter("Time_Start", $"{wallClock:yyyy-MM-dd HH:mm:ss} does not exist in the plant's time zone");
}
