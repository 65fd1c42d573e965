using System.Globalization;
using Energy.Domain.Calendar;

namespace Energy.Application.Energy.Reports;

/// <summary>The report's words (pure): kind, period, point labels and grouping, as a plant's staff reads them.</summary>
public static class ReportWords
{
    public static string Kind(TimeType type) => type switch
    {
        TimeType.Year => "能源年报",
        TimeType.Month => "能源月报",
        _ => "能源日报",
    };

    /// <summary>2026年12月4日, 2026年12月1日至12月4日, 2026年12月, 2026年.</summary>
    public static string Period(PeriodLabel first, PeriodLabel last)
    {
        var start = Label(first);
        if (last <= first)
        {
            return start;
        }

        var end = Label(last);
        // The end drops the year when both are in one year: 2026年12月1日至12月4日.
        var year = first.Date.ToString("yyyy年", CultureInfo.InvariantCulture);
        return start + "至" + (first.Date.Year == last.Date.Year && first.Type != TimeType.Year ? end[year.Length..] : end);
    }

    /// <summary>The axis the points run along: 时间 (hours of a day), 日期 (days), 月份 (months).</summary>
    public static string TimeAxis(TimeType type) => type switch
    {
        TimeType.Year => "月份",
        TimeType.Month => "日期",
        _ => "时间",
    };

    /// <summary>
    /// Column labels of the points: a day's points as 00:00 (M/d HH:mm when the window spans days), a month's as
    /// 1日 (M/d across months), a year's as 1月 (yyyy年M月 across years). <paramref name="labels"/> are the
    /// reporting day or month each point starts (for days: its wall-clock start).
    /// </summary>
    public static IReadOnlyList<string> Times(TimeType type, IReadOnlyList<DateTime> starts, IReadOnlyList<PeriodLabel> labels, bool oneDay)
    {
        return type switch
        {
            TimeType.Day => starts.Select(s => s.ToString(oneDay ? "HH:mm" : "M/d HH:mm", CultureInfo.InvariantCulture)).ToList(),
            TimeType.Month => labels.Select(l => l.Date.ToString(
                labels.All(o => o.Date.Month == labels[0].Date.Month) ? "d日" : "M/d", CultureInfo.InvariantCulture)).ToList(),
            _ => labels.Select(l => l.Date.ToString(
                labels.All(o => o.Date.Year == labels[0].Date.Year) ? "M月" : "yyyy年M月", CultureInfo.InvariantCulture)).ToList(),
        };
    }

    /// <summary>按仪表, 按机器 × 能源类型 …, with the name and energy-type filters the query had.</summary>
    public static string Grouping(EnergyQuery query)
    {
        var by = query.AmountType switch
        {
            AmountType.ByEnergyType => "按能源类型",
            AmountType.ByMeter => "按仪表",
            AmountType.ByMachine => "按机器",
            _ => "按部门",
        };
        if (query.AmountType is AmountType.ByMachine or AmountType.ByDepartment)
        {
            by += query.Combination == AmountCombination.ByMeter ? "（分仪表）" : "（分能源类型）";
        }

        if (query.Names.Count > 0 && query.AmountType != AmountType.ByEnergyType)
        {
            by += "；筛选：" + string.Join("、", query.Names);
        }

        return query.EnergyTypes.Count > 0 ? by + "；能源：" + string.Join("、", query.EnergyTypes.Select(EnergyFormat.EnergyName)) : by;
    }

    private static string Label(PeriodLabel label) => label.Type switch
    {
        TimeType.Year => label.Date.ToString("yyyy年", CultureInfo.InvariantCulture),
        TimeType.Month => label.Date.ToString("yyyy年M月", CultureInfo.InvariantCulture),
        _ => label.Date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
    };
}
