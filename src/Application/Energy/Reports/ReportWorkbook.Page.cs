using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Energy.Application.Energy.Reports;

public static partial class ReportWorkbook
{
    /// <summary>The narrowest column, in characters.</summary>
    private const double MinimumWidth = 5;

    /// <summary>
    /// A sheet from its grid, set up to be printed: landscape A4, scaled to one page wide (as many pages tall as
    /// the rows need), header rows repeated on each page, names and headers frozen on screen, page numbers below.
    /// </summary>
    private static WorksheetPart AddSheet(
        WorkbookPart workbook, Sheets sheets, DefinedNames printTitles, string name, Grid grid, int columns, int frozenColumns, int titleFrom)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var index = (uint)sheets.ChildElements.Count;
        part.Worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(FrozenView(frozenColumns, index == 0)),
            new SheetFormatProperties { DefaultRowHeight = 18, CustomHeight = true },
            grid.Columns(columns, MinimumWidth),
            grid.ToSheetData(),
            new MergeCells(grid.Merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)grid.Merges.Count },
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.3, Right = 0.3, Top = 0.4, Bottom = 0.5, Header = 0.2, Footer = 0.25 },
            new PageSetup
            {
                PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0,
            },
            new HeaderFooter(new OddFooter("&C第 &P 页，共 &N 页")));
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = index + 1, Name = name });
        printTitles.Append(new DefinedName(string.Create(CultureInfo.InvariantCulture, $"{Quoted(name)}!${titleFrom}:${HeaderRow}"))
        {
            Name = "_xlnm.Print_Titles", LocalSheetId = index,
        });
        return part;
    }

    private static SheetView FrozenView(int frozenColumns, bool selected)
    {
        var topLeft = Reference(FirstDataRow, frozenColumns + 1);
        var pane = new Pane
        {
            VerticalSplit = HeaderRow, TopLeftCell = topLeft, State = PaneStateValues.Frozen,
            ActivePane = frozenColumns > 0 ? PaneValues.BottomRight : PaneValues.BottomLeft,
        };
        if (frozenColumns > 0)
        {
            pane.HorizontalSplit = frozenColumns;
        }

        return new SheetView(pane, new Selection { Pane = pane.ActivePane, ActiveCell = topLeft, SequenceOfReferences = new() { InnerText = topLeft } })
        {
            WorkbookViewId = 0, TabSelected = selected,
        };
    }

    /// <summary>A sheet name as a formula names it: '电'!$A$1 (quotes doubled inside).</summary>
    private static string Quoted(string sheet) => "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'";
}
