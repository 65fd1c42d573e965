namespace Energy.Application.Energy.Reports;

public static partial class ReportWorkbook
{
    /// <summary>
    /// One energy type's table: a row per group over the points, its 合计 and 费用; the counted rows, then 合计
    /// (as 3.1 adds them), then the rows that are shown but not summed (virtual, incoming, uncounted meters).
    /// </summary>
    private static Grid EnergyTable(ReportContent content, Layout layout, int type)
    {
        var grid = new Grid();
        var unit = EnergyFormat.Unit(type);
        var columns = layout.EnergyColumns(content);
        Heading(grid, content, $"{content.Heading.Title}　{SheetOf(type)}（{unit}）", columns);

        // Header: names, 类别, 合计 and 费用 span the band and header rows; the band names the points' unit.
        var first = layout.FirstPointColumn;
        var last = first + content.Times.Count - 1;
        string[] fixedHeaders = [.. layout.Names.Select(n => n.Header), .. layout.Roles ? new[] { "类别" } : []];
        for (var i = 0; i < fixedHeaders.Length; i++)
        {
            VerticalHeader(grid, i + 1, fixedHeaders[i]);
        }

        VerticalHeader(grid, last + 1, $"合计（{unit}）");
        VerticalHeader(grid, last + 2, "费用（元）");
        grid.Blank(BandRow, first, last, Style.Header);
        grid.Text(BandRow, first, $"各{Step(content)}用量（{unit}）", Style.Header, measure: false);
        grid.Merge(BandRow, first, BandRow, last);
        for (var i = 0; i < content.Times.Count; i++)
        {
            grid.Text(HeaderRow, first + i, content.Times[i], Style.Header);
        }

        var row = FirstDataRow;
        var lines = content.LinesOf(type);
        foreach (var line in lines.Where(l => l.Counted))
        {
            LineRow(grid, layout, row++, line, Style.Text, Style.Number);
        }

        var total = content.TotalOf(type);
        grid.Blank(row, 1, first - 1, Style.TotalText);
        grid.Text(row, 1, "合计", Style.TotalText);
        Amounts(grid, row++, first, total.Amounts, total.Total, total.Cost, Style.TotalNumber);
        var rest = lines.Where(l => !l.Counted).ToList();
        if (rest.Count > 0)
        {
            NotSummed(grid, row++, columns);
        }

        foreach (var line in rest)
        {
            LineRow(grid, layout, row++, line, Style.MutedText, Style.MutedNumber);
        }

        grid.Text(row, 1, Note, Style.Note, measure: false);
        return grid;
    }

    /// <summary>The row that separates the rows shown for comparison (virtual, incoming, uncounted meters) from those 合计 adds.</summary>
    private static void NotSummed(Grid grid, int row, int columns)
    {
        grid.Text(row, 1, NotSummedLabel, Style.Note, measure: false);
        grid.Merge(row, 1, row, columns);
    }

    private static void LineRow(Grid grid, Layout layout, int row, ReportLine line, Style text, Style number)
    {
        for (var i = 0; i < layout.Names.Count; i++)
        {
            grid.Text(row, i + 1, layout.Names[i].Value(line), text);
        }

        if (layout.Roles)
        {
            grid.Text(row, layout.Names.Count + 1, line.Role, text);
        }

        Amounts(grid, row, layout.FirstPointColumn, line.Amounts, line.Total, line.Cost, number);
    }

    private static void Amounts(Grid grid, int row, int first, IReadOnlyList<decimal> amounts, decimal total, decimal cost, Style style)
    {
        for (var i = 0; i < amounts.Count; i++)
        {
            grid.Number(row, first + i, amounts[i], style);
        }

        grid.Number(row, first + amounts.Count, total, style);
        grid.Number(row, first + amounts.Count + 1, cost, style);
    }

    private static void VerticalHeader(Grid grid, int column, string text)
    {
        grid.Text(BandRow, column, text, Style.Header);
        grid.Blank(HeaderRow, column, column, Style.Header);
        grid.Merge(BandRow, column, HeaderRow, column);
    }

    /// <summary>Title, window and grouping, generation time: rows 1–3, merged over the table's width.</summary>
    private static void Heading(Grid grid, ReportContent content, string title, int columns)
    {
        grid.Text(TitleRow, 1, title, Style.Title, measure: false);
        grid.Text(WindowRow, 1, $"统计周期：{content.Heading.Window}　　统计方式：{content.Heading.Grouping}", Style.Info, measure: false);
        grid.Text(GeneratedRow, 1, $"生成时间：{content.Heading.Generated}", Style.Info, measure: false);
        foreach (var row in new[] { TitleRow, WindowRow, GeneratedRow })
        {
            grid.Merge(row, 1, row, columns);
        }
    }

    private static string Step(ReportContent content) => content.TimeType switch
    {
        Domain.Calendar.TimeType.Year => "月",
        Domain.Calendar.TimeType.Month => "日",
        _ => "时段",
    };
}
