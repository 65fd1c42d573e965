using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Custom = DocumentFormat.OpenXml.CustomProperties;
using Vt = DocumentFormat.OpenXml.VariantTypes;

namespace Energy.Application.Energy.Reports;

/// <summary>One row of the report: a group, its amount per point, its total and cost.</summary>
public sealed record ReportLine(string Department, string Machine, string Meter, string EnergyName, IReadOnlyList<decimal> Amounts, decimal Total, decimal Cost);

/// <summary>What a report shows; <see cref="Sequence"/> is the event sequence the figures are as of.</summary>
public sealed record ReportContent(string Title, long Sequence, string Window, IReadOnlyList<string> Times, IReadOnlyList<ReportLine> Lines);

/// <summary>
/// Seed 3.4's .xlsx: sheet <c>Detail</c> (the detail table, each row's total and cost, a total row per energy
/// type, and a line chart of the rows over time), sheet <c>Totals</c> (total and cost per group). The sequence
/// is written in a cell and as the custom document property <c>As_Of_Sequence</c>, so the same figures can be
/// asked for again with <c>As_Of_Sequence</c>.
/// </summary>
public static partial class ReportWorkbook
{
    public const string DetailSheet = "Detail";
    public const string TotalsSheet = "Totals";
    public const string SequenceProperty = "As_Of_Sequence";

    /// <summary>The header row of the detail table (1-based row number) and its first data row.</summary>
    public const int HeaderRow = 5;

    private const int FirstPointColumn = 5;
    private static readonly string[] GroupHeaders = ["部门 Meter_Department", "机器 Meter_Superior", "仪表 Meter_Name", "能源 Ene_Name"];

    public static void Write(Stream stream, ReportContent content)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheets = workbook.Workbook.AppendChild(new Sheets());

        var detail = AddSheet(workbook, sheets, DetailSheet, 1);
        var detailData = detail.Worksheet.GetFirstChild<SheetData>()!;
        WriteDetail(detailData, content);
        AddChart(detail, content);

        var totals = AddSheet(workbook, sheets, TotalsSheet, 2);
        WriteTotals(totals.Worksheet.GetFirstChild<SheetData>()!, content);

        var properties = document.AddCustomFilePropertiesPart();
        properties.Properties = new Custom.Properties(new Custom.CustomDocumentProperty(new Vt.VTLPWSTR(content.Sequence.ToString(CultureInfo.InvariantCulture)))
        {
            FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", PropertyId = 2, Name = SequenceProperty,
        });
        workbook.Workbook.Save();
    }

    private static WorksheetPart AddSheet(WorkbookPart workbook, Sheets sheets, string name, uint id)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = new Worksheet(new SheetData());
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
        return part;
    }

    private static void WriteDetail(SheetData data, ReportContent content)
    {
        data.Append(NewRow(1, Text(content.Title)));
        data.Append(NewRow(2, Text(SequenceProperty), Number(content.Sequence)));
        data.Append(NewRow(3, Text("Window"), Text(content.Window)));
        var header = GroupHeaders.Select(Text).Concat(content.Times.Select(Text)).Append(Text("合计 Total_Amount")).Append(Text("费用 Total_Cost"));
        data.Append(NewRow(HeaderRow, header.ToArray()));
        var rowNumber = HeaderRow;
        foreach (var line in content.Lines)
        {
            data.Append(NewRow(++rowNumber, LineCells(line.Department, line.Machine, line.Meter, line.EnergyName, line.Amounts, line.Total, line.Cost)));
        }

        // Totals per energy type: adding kWh to tonnes would mean nothing.
        foreach (var type in content.Lines.GroupBy(l => l.EnergyName))
        {
            var amounts = Enumerable.Range(0, content.Times.Count).Select(i => type.Sum(l => l.Amounts[i])).ToList();
            data.Append(NewRow(++rowNumber, LineCells("合计", "", "", type.Key, amounts, type.Sum(l => l.Total), type.Sum(l => l.Cost))));
        }
    }

    private static void WriteTotals(SheetData data, ReportContent content)
    {
        data.Append(NewRow(1, Text(content.Title), Text(SequenceProperty), Number(content.Sequence)));
        data.Append(NewRow(2, GroupHeaders.Select(Text).Append(Text("合计 Total_Amount")).Append(Text("费用 Total_Cost")).ToArray()));
        var rowNumber = 2;
        foreach (var line in content.Lines)
        {
            data.Append(NewRow(++rowNumber, LineCells(line.Department, line.Machine, line.Meter, line.EnergyName, [], line.Total, line.Cost)));
        }
    }

    private static Cell[] LineCells(string department, string machine, string meter, string energy, IReadOnlyList<decimal> amounts, decimal total, decimal cost) =>
        new[] { Text(department), Text(machine), Text(meter), Text(energy) }
            .Concat(amounts.Select(Number))
            .Append(Number(total))
            .Append(Number(cost))
            .ToArray();

    private static Row NewRow(int number, params Cell[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i].CellReference = Column(i + 1) + number.ToString(CultureInfo.InvariantCulture);
        }

        return new Row(cells) { RowIndex = (uint)number };
    }

    private static Cell Text(string value) =>
        new(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString };

    private static Cell Number(decimal value) =>
        new(new CellValue(EnergyFormat.Plain(value))) { DataType = CellValues.Number };

    private static Cell Number(long value) =>
        new(new CellValue(value.ToString(CultureInfo.InvariantCulture))) { DataType = CellValues.Number };

    /// <summary>A, B, …, Z, AA, … for a 1-based column.</summary>
    public static string Column(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }
}
