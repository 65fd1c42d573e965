using System.Globalization;
using Energy.Application.Energy.Reports;
using Energy.Http.Tests.Meters;

namespace Energy.Http.Tests.Consumption;

/// <summary>
/// Issue 20: a report's 合计 is 3.1's total (Amount_Type 1: counted meters only) of the same window at the report's
/// sequence; the incoming and virtual meters are shown, marked, and not added.
/// </summary>
public sealed class ReportTotalTests(ReportPlant plant) : IClassFixture<ReportPlant>
{
    [Theory]
    [InlineData("day")]
    [InlineData("month")]
    [InlineData("year")]
    public async Task The_total_row_is_the_3_1_total_of_the_counted_meters(string kind)
    {
        var (_, bytes, sequence) = await plant.ReportAsync(kind);
        var (type, start, end) = plant.Window(kind);
        var totals = await plant.Client.QueryAsync("allenergy", ("Time_Type", type), ("Time_Start", start), ("Time_End", end),
            ("Amount_Type", "1"), ("As_Of_Sequence", sequence.ToString(CultureInfo.InvariantCulture)));
        var electricity = decimal.Parse(totals.Total(energyType: "0"), CultureInfo.InvariantCulture);
        var water = decimal.Parse(totals.Total(energyType: "1"), CultureInfo.InvariantCulture);
        // 冲压线 360 + 注塑机 210 kWh a day; the incoming 598.8 and the virtual 570 would triple it if added.
        var days = kind == "day" ? 1 : Enumerable.Range(0, 3).Count(d => kind == "month"
            ? plant.Day.AddDays(d).Month == plant.Day.Month : plant.Day.AddDays(d).Year == plant.Day.Year);
        electricity.ShouldBe(570m * days);

        using var file = new ReportFile(bytes);
        var points = kind switch { "day" => 24, "month" => DateTime.DaysInMonth(plant.Day.Year, plant.Day.Month), _ => 12 };
        var row = file.Row("电", "合计");
        // Columns: 部门, 机器, 仪表, 类别, the points, 合计, 费用.
        Decimal(row[ReportWorkbook.Column(5 + points)]).ShouldBe(electricity);
        Decimal(row[ReportWorkbook.Column(6 + points)]).ShouldBe(electricity * 0.85m);
        Decimal(file.Row("自来水", "合计")[ReportWorkbook.Column(5 + points)]).ShouldBe(water);

        var summary = file.Cells(ReportWorkbook.SummarySheet);
        var summaryTotal = summary.Single(c => c.Value == "合计" && summary[c.Key.Replace("B", "A", StringComparison.Ordinal)] == "电").Key[1..];
        Decimal(summary["F" + summaryTotal]).ShouldBe(electricity); // 能源, 部门, 机器, 仪表, 类别, 用量

        // After 合计 and the separator: the meters shown for comparison only.
        var separator = file.Row("电", ReportWorkbook.NotSummedLabel);
        separator.Count.ShouldBe(1);
        var cells = file.Cells("电");
        var rest = cells.Where(c => c.Key.StartsWith('C') && c.Key[1..].All(char.IsAsciiDigit)
                && int.Parse(c.Key[1..], CultureInfo.InvariantCulture) > SeparatorRow(cells))
            .Select(c => (c.Value, cells["D" + c.Key[1..]])).OrderBy(r => r.Value, StringComparer.Ordinal).ToList();
        rest.ShouldBe([("生产用电（虚拟）", "虚拟表"), ("进线总表", "总表")]);

        if (kind == "day")
        {
            // Hour by hour too: 3.2's Amount_Type 1 points.
            var hourly = (await plant.Client.QueryAsync("detailenergy", ("Time_Type", type), ("Time_Start", start), ("Time_End", end),
                ("Amount_Type", "1"), ("Amount_Value", "0"), ("As_Of_Sequence", sequence.ToString(CultureInfo.InvariantCulture)))).Points();
            hourly.Count.ShouldBe(24);
            var i = 0;
            foreach (var amount in hourly.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value))
            {
                Decimal(row[ReportWorkbook.Column(5 + i++)]).ShouldBe(decimal.Parse(amount, CultureInfo.InvariantCulture));
            }
        }
    }

    private static int SeparatorRow(Dictionary<string, string> cells) =>
        int.Parse(cells.Single(c => c.Value == ReportWorkbook.NotSummedLabel).Key[1..], CultureInfo.InvariantCulture);

    private static decimal Decimal(string cell) => decimal.Parse(cell, CultureInfo.InvariantCulture);
}
