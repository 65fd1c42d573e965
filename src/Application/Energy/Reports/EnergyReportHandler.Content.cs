using System.Globalization;
using System.Text.Json.Nodes;
using Energy.Application.Meters;
using Energy.Domain.Calendar;

namespace Energy.Application.Energy.Reports;

public sealed partial class EnergyReportHandler
{
    /// <summary>Shown when neither <c>Energy:Reports:PlantName</c> nor the organisation info (5.2) names the plant.</summary>
    public const string DefaultPlantName = "本厂";

    private async Task<ReportContent> ContentAsync(EnergyQuery query, EnergyAnswer answer, PeriodLabel first, PeriodLabel last, CancellationToken ct)
    {
        var calendar = await settings.CalendarAsync(ct);
        var catalog = (await meters.AllAsync(includeDeleted: true, ct)).ToDictionary(m => m.MeterId);
        var starts = answer.IntervalStarts.Select(plantTime.ToWallClock).ToList();
        var unit = query.TimeType == TimeType.Year ? TimeType.Month : TimeType.Day;
        var labels = starts.Select(s => calendar.LabelOf(unit, s)).ToList();
        var oneDay = calendar.LabelOf(TimeType.Day, answer.Window.Start) == calendar.LabelOf(TimeType.Day, answer.Window.End.AddTicks(-1));

        var generatedAt = clock.GetUtcNow();
        var zone = plantTime.Zone.Id;
        var heading = new ReportHeading(
            await PlantNameAsync(ct),
            ReportWords.Kind(query.TimeType),
            ReportWords.Period(first, last),
            string.Create(CultureInfo.InvariantCulture, $"{answer.Window.Start:yyyy-MM-dd HH:mm} 至 {answer.Window.End:yyyy-MM-dd HH:mm}（{zone}）"),
            $"{plantTime.Format(generatedAt)}（{zone}）",
            ReportWords.Grouping(query));
        var lines = answer.Rows.Select(r => Line(r, catalog)).ToList();
        return new ReportContent(heading, query.TimeType, ReportWords.TimeAxis(query.TimeType), answer.Sequence, generatedAt,
            ReportWords.Times(query.TimeType, starts, labels, oneDay), lines);
    }

    // Groups of Amount_Type 1, 3 and 4 hold counted meters only (EnergyGrouping); a by-meter row may be any meter.
    private static ReportLine Line(EnergyRow row, Dictionary<long, MeterFacts> catalog)
    {
        var group = row.Group;
        var single = group.Meter.Length > 0 && group.Meters.Count == 1 && catalog.TryGetValue(group.Meters[0], out var m) ? m : null;
        var counted = single?.IsCount ?? true;
        var role = single is null ? "" : (single.IsVirtual, single.IsTotal) switch
        {
            (true, _) => "虚拟表",
            (_, true) => "总表",
            _ => counted ? "计量表" : "未计量",
        };
        return new ReportLine(group.Department, group.Machine, group.Meter, group.EnergyType, counted, role,
            row.Intervals.Select(i => i.Amount).ToList(), row.Total.Amount, row.Total.Cost);
    }

    /// <summary><c>Energy:Reports:PlantName</c>, else the enterprise name of the organisation info (5.2), else <see cref="DefaultPlantName"/>.</summary>
    private async Task<string> PlantNameAsync(CancellationToken ct)
    {
        if (configuration["Energy:Reports:PlantName"] is { Length: > 0 } configured)
        {
            return configured.Trim();
        }

        var document = (await platform.StateAsync(ct)).Document;
        var name = document is null ? null : JsonNode.Parse(document)?["enterprise"]?["name"]?.ToString();
        return string.IsNullOrWhiteSpace(name) ? DefaultPlantName : name.Trim();
    }
}
