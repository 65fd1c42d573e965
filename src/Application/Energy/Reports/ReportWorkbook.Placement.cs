using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Energy.Application.Energy.Reports;

public static partial class ReportWorkbook
{
    // A4 landscape inside the margins of AddSheet, in points; rows are DefaultRowHeight high.
    private const double PrintableWidth = 842 - (0.3 + 0.3) * 72;
    private const double PrintableHeight = 595 - (0.4 + 0.5) * 72;
    private const double RowHeight = 18;
    private const int MinimumChartRows = 12;
    private const int MaximumChartRows = 24;

    /// <summary>
    /// Where the chart goes, so that a page never cuts it: below the table, filling what is left of the table's last
    /// page, or (a manual page break before it) at the top of the next page when less than a readable chart is left.
    /// The sheet is scaled to one page wide, so a page holds more rows the wider the table is.
    /// </summary>
    private static (int Top, int Rows) PlaceChart(WorksheetPart sheet, double tableWidthPoints, int lastTableRow)
    {
        var scale = Math.Min(1, PrintableWidth / tableWidthPoints);
        // 10 % to spare: LibreOffice and Excel measure column widths a little differently.
        var pageRows = (int)(PrintableHeight / scale / RowHeight * 0.9);
        var repeated = HeaderRow - BandRow + 1;
        var onLastPage = lastTableRow <= pageRows ? lastTableRow : repeated + ((lastTableRow - pageRows) % (pageRows - repeated));
        var left = pageRows - onLastPage - 1;
        var top = lastTableRow + 1;
        if (left >= MinimumChartRows)
        {
            return (top, Math.Min(left, MaximumChartRows));
        }

        sheet.Worksheet.Append(new RowBreaks(new Break { Id = (uint)top, Max = 16383u, ManualPageBreak = true }) { Count = 1, ManualBreakCount = 1 });
        return (top, Math.Clamp(pageRows - repeated - 1, MinimumChartRows, MaximumChartRows));
    }
}
