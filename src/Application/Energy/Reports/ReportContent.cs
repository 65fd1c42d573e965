using Energy.Domain.Calendar;

namespace Energy.Application.Energy.Reports;

/// <summary>
/// One row of a report: a group, its amount per point, its total and cost. <see cref="Counted"/> says whether it
/// adds to 合计 (CONTRACT §4: only <c>Meter_IsCount="1"</c> meters go into totals); <see cref="Role"/> says what the
/// meter is (计量表, 虚拟表, 总表, 未计量), "" for a group of several meters.
/// </summary>
public sealed record ReportLine(
    string Department, string Machine, string Meter, int EnergyType, bool Counted, string Role,
    IReadOnlyList<decimal> Amounts, decimal Total, decimal Cost);

/// <summary>The words above the tables: plant, report kind (能源日报 …), period, window and generation time in the plant's zone, grouping.</summary>
public sealed record ReportHeading(string Plant, string Kind, string Period, string Window, string Generated, string Grouping)
{
    public string Title => $"{Plant}{Kind}　{Period}";
}

/// <summary>
/// What a report shows. <see cref="Times"/> are the point columns' labels (00:00, 1日, 1月 …) and
/// <see cref="TimeAxis"/> names them (时间, 日期, 月份); <see cref="Sequence"/> is the event sequence the figures are
/// as of (a document property only).
/// </summary>
public sealed record ReportContent(
    ReportHeading Heading, TimeType TimeType, string TimeAxis, long Sequence, DateTimeOffset GeneratedAt,
    IReadOnlyList<string> Times, IReadOnlyList<ReportLine> Lines)
{
    /// <summary>The energy types shown, in code order: one sheet and one chart each (kWh and tonnes never share an axis).</summary>
    public IReadOnlyList<int> EnergyTypes => Lines.Select(l => l.EnergyType).Distinct().Order().ToList();

    public IReadOnlyList<ReportLine> LinesOf(int energyType) => Lines.Where(l => l.EnergyType == energyType).ToList();

    /// <summary>合计 of one energy type, as 3.1 adds up (counted rows only; unrounded decimals).</summary>
    public ReportTotal TotalOf(int energyType)
    {
        var counted = Lines.Where(l => l.EnergyType == energyType && l.Counted).ToList();
        var amounts = Enumerable.Range(0, Times.Count).Select(i => counted.Sum(l => l.Amounts[i])).ToList();
        return new ReportTotal(energyType, amounts, counted.Sum(l => l.Total), counted.Sum(l => l.Cost), counted.Count);
    }
}

/// <summary>The 合计 of one energy type: per point, over the window, its cost, and how many rows it adds.</summary>
public sealed record ReportTotal(int EnergyType, IReadOnlyList<decimal> Amounts, decimal Total, decimal Cost, int Rows);
