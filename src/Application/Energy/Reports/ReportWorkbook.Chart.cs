using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Energy.Application.Energy.Reports;

public static partial class ReportWorkbook
{
    /// <summary>At most this many rows become chart series; more would be unreadable (the table has them all).</summary>
    public const int MaxChartSeries = 12;

    /// <summary>A distinct colour per series (Tableau 10, then two darker ones).</summary>
    private static readonly string[] Palette =
        ["1F77B4", "FF7F0E", "2CA02C", "D62728", "9467BD", "8C564B", "E377C2", "7F7F7F", "BCBD22", "17BECF", "393B79", "AD494A"];

    /// <summary>
    /// A native line chart of one energy type's rows over the points, below its table and as wide as it: title,
    /// axis titles with the unit, one colour per series (rows not summed dashed), legend at the bottom inside the chart.
    /// </summary>
    private static void AddChart(WorksheetPart sheet, ReportContent content, Layout layout, int type, double tableWidth, int lastTableRow)
    {
        var (top, rows) = PlaceChart(sheet, tableWidth, lastTableRow);
        var drawings = sheet.AddNewPart<DrawingsPart>();
        sheet.Worksheet.Append(new DocumentFormat.OpenXml.Spreadsheet.Drawing { Id = sheet.GetIdOfPart(drawings) });
        var chartPart = drawings.AddNewPart<ChartPart>();

        var name = Quoted(SheetOf(type));
        var first = Column(layout.FirstPointColumn);
        var last = Column(layout.FirstPointColumn + Math.Max(content.Times.Count, 1) - 1);
        var categories = $"{name}!${first}${HeaderRow}:${last}${HeaderRow}";
        var unit = EnergyFormat.Unit(type);
        var line = new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false });
        foreach (var (item, row, index) in ChartRowsOf(content, type).Take(MaxChartSeries).Select((s, i) => (s.Line, s.Row, i)))
        {
            var rowText = row.ToString(CultureInfo.InvariantCulture);
            line.Append(new C.LineChartSeries(
                new C.Index { Val = (uint)index },
                new C.Order { Val = (uint)index },
                new C.SeriesText(new C.StringReference(
                    new C.Formula($"{name}!${Column(layout.Names.Count)}${rowText}"), StringCache([layout.Names[^1].Value(item)]))),
                SeriesLine(Palette[index % Palette.Length], dashed: !item.Counted),
                new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Circle }, new C.Size { Val = 4 }, Fill(Palette[index % Palette.Length])),
                new C.CategoryAxisData(new C.StringReference(new C.Formula(categories), StringCache(content.Times))),
                new C.Values(new C.NumberReference(new C.Formula($"{name}!${first}${rowText}:${last}${rowText}"), NumberCache(item.Amounts))),
                new C.Smooth { Val = false }));
        }

        line.Append(new C.ShowMarker { Val = true }, new C.AxisId { Val = 1u }, new C.AxisId { Val = 2u });
        chartPart.ChartSpace = new C.ChartSpace(
            new C.EditingLanguage { Val = "zh-CN" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                Title($"{SheetOf(type)} {Along(content)}用量（{unit}）", 1400),
                new C.AutoTitleDeleted { Val = false },
                new C.PlotArea(new C.Layout(), line, CategoryAxis(content.TimeAxis), ValueAxis($"用量（{unit}）")),
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));

        Anchor(drawings, chartPart, top, rows, layout.EnergyColumns(content));
    }

    /// <summary>The rows the chart draws, with their sheet rows: counted ones, then (after 合计 and the separator) those not summed.</summary>
    private static IEnumerable<(ReportLine Line, int Row)> ChartRowsOf(ReportContent content, int type)
    {
        var lines = content.LinesOf(type);
        var counted = lines.Where(l => l.Counted).ToList();
        return counted.Select((l, i) => (l, FirstDataRow + i))
            .Concat(lines.Where(l => !l.Counted).Select((l, i) => (l, FirstDataRow + counted.Count + 2 + i)));
    }

    private static string Along(ReportContent content) => content.TimeType switch
    {
        Domain.Calendar.TimeType.Year => "逐月",
        Domain.Calendar.TimeType.Month => "逐日",
        _ => "逐时",
    };

    private static void Anchor(DrawingsPart drawings, ChartPart chartPart, int topRow, int rows, int columns)
    {
        drawings.WorksheetDrawing = new Xdr.WorksheetDrawing(new Xdr.TwoCellAnchor(
            Marker<Xdr.FromMarker>(0, topRow),
            Marker<Xdr.ToMarker>(columns, topRow + rows),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(
                    new Xdr.NonVisualDrawingProperties { Id = 2u, Name = "能耗曲线" }, new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                new A.Graphic(new A.GraphicData(new C.ChartReference { Id = drawings.GetIdOfPart(chartPart) })
                {
                    Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart",
                }))
            { Macro = "" },
            new Xdr.ClientData()));
    }

    private static T Marker<T>(int column, int row)
        where T : OpenXmlCompositeElement, new()
    {
        var marker = new T();
        marker.Append(
            new Xdr.ColumnId(column.ToString(CultureInfo.InvariantCulture)), new Xdr.ColumnOffset("0"),
            new Xdr.RowId(row.ToString(CultureInfo.InvariantCulture)), new Xdr.RowOffset("0"));
        return marker;
    }
}
