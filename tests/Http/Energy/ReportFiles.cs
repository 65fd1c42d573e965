using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Energy.Http.Tests.Consumption;

/// <summary>A downloaded report read back: each sheet's cells by reference, its chart, its page setup.</summary>
public sealed class ReportFile : IDisposable
{
    private readonly SpreadsheetDocument document;

    public ReportFile(byte[] bytes)
    {
        document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        Sheets = workbook.Workbook.Sheets!.Elements<Sheet>()
            .Select(s => (s.Name!.Value!, (WorksheetPart)workbook.GetPartById(s.Id!))).ToList();
    }

    public IReadOnlyList<(string Name, WorksheetPart Part)> Sheets { get; }

    public IReadOnlyList<string> SheetNames => Sheets.Select(s => s.Name).ToList();

    public WorksheetPart Sheet(string name) => Sheets.Single(s => s.Name == name).Part;

    public Dictionary<string, string> Cells(string sheet) =>
        Sheet(sheet).Worksheet.Descendants<Cell>().Where(c => c.CellValue is not null || c.InlineString is not null)
            .ToDictionary(c => c.CellReference!.Value!, c => c.DataType?.Value == CellValues.InlineString ? c.InnerText : c.CellValue!.Text);

    /// <summary>The cells of the first row whose column A reads <paramref name="label"/>, by column letter(s).</summary>
    public Dictionary<string, string> Row(string sheet, string label)
    {
        var cells = Cells(sheet);
        var row = cells.First(c => c.Key.StartsWith('A') && c.Key[1..].All(char.IsAsciiDigit) && c.Value == label).Key[1..];
        return cells.Where(c => c.Key.TrimStart('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z') == row)
            .ToDictionary(c => c.Key[..^row.Length], c => c.Value);
    }

    /// <summary>What the Open XML schema (Office 2019) finds wrong with the file: Excel refuses or repairs such files.</summary>
    public IReadOnlyList<string> SchemaErrors =>
        new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

    public C.ChartSpace Chart(string sheet) => Sheet(sheet).DrawingsPart!.ChartParts.ShouldHaveSingleItem().ChartSpace;

    public IEnumerable<(string Name, string Value)> CustomProperties =>
        document.CustomFilePropertiesPart!.Properties.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>()
            .Select(p => (p.Name!.Value!, p.InnerText));

    public void Dispose() => document.Dispose();
}
