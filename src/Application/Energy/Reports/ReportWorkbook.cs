using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Energy.Application.Energy.Reports;

/// <summary>
/// Seed 3.4's .xlsx, laid out as an energy-management report is (MyEMS's exports are what users know): sheet
/// 汇总 (each row's amount and cost, 合计 per energy type, the total cost) and one sheet per energy type (its rows
/// over the points, 合计, and a line chart in that type's unit). Titles, period and generation time in words in
/// the plant's zone, landscape A4 one page wide, header rows frozen and repeated on every page. The sequence the
/// figures are as of is the custom document property <c>As_Of_Sequence</c> (auditors ask for the same figures
/// with it), not a cell.
/// </summary>
public static partial class ReportWorkbook
{
    public const string SummarySheet = "汇总";
    public const string SequenceProperty = "As_Of_Sequence";

    /// <summary>Rows of every sheet: title, window, generation time, the band over the points, the column headers; data from <see cref="FirstDataRow"/>.</summary>
    public const int TitleRow = 1;
    public const int WindowRow = 2;
    public const int GeneratedRow = 3;
    public const int BandRow = 4;
    public const int HeaderRow = 5;
    public const int FirstDataRow = 6;

    public const string NotSummedLabel = "以下仪表列出供对照，不计入合计：";

    public const string Note = "注：合计只加参与统计（Meter_IsCount=1）的仪表，与按能源类型统计的口径相同；虚拟表、总表等列在合计之后供对照，不加入合计。";

    /// <summary>The sheet of an energy type: its name (电, 自来水 …).</summary>
    public static string SheetOf(int energyType) => EnergyFormat.EnergyName(energyType);

    public static void Write(Stream stream, ReportContent content)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        AddStyles(workbook);
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        var printTitles = new DefinedNames();
        var layout = Layout.Of(content);

        var summary = Summary(content, layout);
        AddSheet(workbook, sheets, printTitles, SummarySheet, summary, layout.Summary.Count, frozenColumns: 0, HeaderRow);
        foreach (var type in content.EnergyTypes)
        {
            var grid = EnergyTable(content, layout, type);
            var columns = layout.EnergyColumns(content);
            var part = AddSheet(workbook, sheets, printTitles, SheetOf(type), grid, columns, layout.Names.Count + (layout.Roles ? 1 : 0), BandRow);
            AddChart(part, content, layout, type, grid.WidthPoints(columns, MinimumWidth), grid.LastRow);
        }

        workbook.Workbook.Append(printTitles);
        AddProperties(document, content);
        workbook.Workbook.Save();
    }

    /// <summary>The name columns the rows need (部门, 机器, 仪表: those any row fills; 范围 = 全厂 when none) and whether 类别 is shown.</summary>
    private sealed record Layout(IReadOnlyList<(string Header, Func<ReportLine, string> Value)> Names, bool Roles)
    {
        /// <summary>汇总's columns after 能源 and the names: [类别], 用量, 单位, 费用（元）, 均价.</summary>
        public IReadOnlyList<string> Summary =>
            ["能源", .. Names.Select(n => n.Header), .. Roles ? new[] { "类别" } : [], "用量", "单位", "费用（元）", "均价（元/单位）"];

        public int FirstPointColumn => Names.Count + (Roles ? 1 : 0) + 1;

        public int EnergyColumns(ReportContent content) => FirstPointColumn + content.Times.Count + 1;

        public static Layout Of(ReportContent content)
        {
            var names = new List<(string, Func<ReportLine, string>)>();
            if (content.Lines.Any(l => l.Department.Length > 0))
            {
                names.Add(("部门", l => l.Department));
            }

            if (content.Lines.Any(l => l.Machine.Length > 0))
            {
                names.Add(("机器", l => l.Machine));
            }

            if (content.Lines.Any(l => l.Meter.Length > 0))
            {
                names.Add(("仪表", l => l.Meter));
            }

            return new Layout(names.Count > 0 ? names : [("范围", _ => "全厂")], content.Lines.Any(l => l.Role.Length > 0));
        }
    }
}
