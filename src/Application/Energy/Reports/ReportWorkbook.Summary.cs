namespace Energy.Application.Energy.Reports;

public static partial class ReportWorkbook
{
    /// <summary>
    /// 汇总: per energy type its counted rows, 合计 (with cost and average price), then the rows not summed; last
    /// the cost of all types together (元 add up where kWh and tonnes do not).
    /// </summary>
    private static Grid Summary(ReportContent content, Layout layout)
    {
        var grid = new Grid();
        var headers = layout.Summary;
        Heading(grid, content, $"{content.Heading.Title}　能耗与费用汇总", headers.Count);
        for (var i = 0; i < headers.Count; i++)
        {
            grid.Text(HeaderRow, i + 1, headers[i], Style.Header);
        }

        var amountColumn = headers.Count - 3;
        var row = FirstDataRow;
        var cost = 0m;
        foreach (var type in content.EnergyTypes)
        {
            var lines = content.LinesOf(type);
            foreach (var line in lines.Where(l => l.Counted))
            {
                SummaryRow(grid, layout, row++, line, Style.Text, Style.Number);
            }

            var total = content.TotalOf(type);
            grid.Blank(row, 1, amountColumn - 1, Style.TotalText);
            grid.Text(row, 1, EnergyFormat.EnergyName(type), Style.TotalText);
            grid.Text(row, 2, "合计", Style.TotalText);
            Figures(grid, row++, amountColumn, type, total.Total, total.Cost, Style.TotalText, Style.TotalNumber);
            cost += total.Cost;
            var rest = lines.Where(l => !l.Counted).ToList();
            if (rest.Count > 0)
            {
                NotSummed(grid, row++, headers.Count);
            }

            foreach (var line in rest)
            {
                SummaryRow(grid, layout, row++, line, Style.MutedText, Style.MutedNumber);
            }
        }

        grid.Blank(row, 1, headers.Count, Style.TotalText);
        grid.Text(row, 1, "费用总计（元）", Style.TotalText);
        grid.Number(row++, amountColumn + 2, cost, Style.TotalNumber);
        grid.Text(row, 1, Note, Style.Note, measure: false);
        return grid;
    }

    private static void SummaryRow(Grid grid, Layout layout, int row, ReportLine line, Style text, Style number)
    {
        grid.Text(row, 1, EnergyFormat.EnergyName(line.EnergyType), text);
        for (var i = 0; i < layout.Names.Count; i++)
        {
            grid.Text(row, i + 2, layout.Names[i].Value(line), text);
        }

        if (layout.Roles)
        {
            grid.Text(row, layout.Names.Count + 2, line.Role, text);
        }

        Figures(grid, row, layout.Summary.Count - 3, line.EnergyType, line.Total, line.Cost, text, number);
    }

    /// <summary>用量, 单位, 费用, 均价 (blank when nothing was used).</summary>
    private static void Figures(Grid grid, int row, int column, int type, decimal amount, decimal cost, Style text, Style number)
    {
        grid.Number(row, column, amount, number);
        grid.Text(row, column + 1, EnergyFormat.Unit(type), text);
        grid.Number(row, column + 2, cost, number);
        if (amount != 0)
        {
            grid.Number(row, column + 3, cost / amount, number);
        }
        else
        {
            grid.Blank(row, column + 3, column + 3, number);
        }
    }
}
