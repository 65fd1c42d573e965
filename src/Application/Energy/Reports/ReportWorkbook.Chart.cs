using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Energy.Application.Energy.Reports;

public static partial class ReportWorkbook
{
    /// <summary>At most this many rows become chart series; more would be unreadable (the table has them all).</summary>
    public const int MaxChartSeries = 24;

    /// <summary>A native line chart (DrawingsPart + ChartPart) of each row's amounts over the points, below the table.</summary>
    private static void AddChart(WorksheetPart sheet, ReportContent content)
    {
        var drawings = sheet.AddNewPart<DrawingsPart>();
        sheet.Worksheet.Append(new Drawing { Id = sheet.GetIdOfPart(drawings) });
        var chartPart = drawings.AddNewPart<ChartPart>();

        var points = Math.Max(content.Times.Count, 1);
        var lastColumn = Column(FirstPointColumn + points - 1);
        var categories = $"{DetailSheet}!${Column(FirstPointColumn)}${HeaderRow}:${lastColumn}${HeaderRow}";
        var line = new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false });
        for (var i = 0; i < Math.Min(content.Lines.Count, MaxChartSeries); i++)
        {
            var row = HeaderRow + 1 + i;
            var item = content.Lines[i];
            var name = string.Join(" ", new[] { item.Department, item.Machine, item.Meter, item.EnergyName }.Where(s => s.Length > 0));
            line.Append(new C.LineChartSeries(
                new C.Index { Val = (uint)i },
                new C.Order { Val = (uint)i },
                new C.SeriesText(new C.StringReference(new C.Formula($"{DetailSheet}!$C${row}"), StringCache([name]))),
                new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Circle }),
                new C.CategoryAxisData(new C.StringReference(new C.Formula(categories), StringCache(content.Times))),
                new C.Values(new C.NumberReference(
                    new C.Formula($"{DetailSheet}!${Column(FirstPointColumn)}${row}:${lastColumn}${row}"), NumberCache(item.Amounts))),
                new C.Smooth { Val = false }));
        }

        line.Append(new C.ShowMarker { Val = true }, new C.AxisId { Val = 1u }, new C.AxisId { Val = 2u });
        chartPart.ChartSpace = new C.ChartSpace(
            new C.EditingLanguage { Val = "zh-CN" },
            new C.Chart(
                new C.AutoTitleDeleted { Val = true },
                new C.PlotArea(
                    new C.Layout(),
                    line,
                    new C.CategoryAxis(
                        new C.AxisId { Val = 1u }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                        new C.Delete { Val = false }, new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo }, new C.CrossingAxis { Val = 2u },
                        new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.AutoLabeled { Val = true },
                        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center }, new C.LabelOffset { Val = 100 }),
                    new C.ValueAxis(
                        new C.AxisId { Val = 2u }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                        new C.Delete { Val = false }, new C.AxisPosition { Val = C.AxisPositionValues.Left }, new C.MajorGridlines(),
                        new C.NumberingFormat { FormatCode = "General", SourceLinked = true },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo }, new C.CrossingAxis { Val = 1u },
                        new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.CrossBetween { Val = C.CrossBetweenValues.Between })),
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Right }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true }));

        var top = HeaderRow + content.Lines.Count + content.Lines.Select(l => l.EnergyName).Distinct().Count() + 2;
        drawings.WorksheetDrawing = new Xdr.WorksheetDrawing(new Xdr.TwoCellAnchor(
            Marker<Xdr.FromMarker>(0, top),
            Marker<Xdr.ToMarker>(12, top + 22),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(
                    new Xdr.NonVisualDrawingProperties { Id = 2u, Name = "Energy chart" }, new Xdr.NonVisualGraphicFrameDrawingProperties()),
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

    // Cached values let a viewer draw the chart without recalculating the workbook.
    private static C.StringCache StringCache(IReadOnlyList<string> values)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++)
        {
            cache.Append(new C.StringPoint(new C.NumericValue(values[i])) { Index = (uint)i });
        }

        return cache;
    }

    private static C.NumberingCache NumberCache(IReadOnlyList<decimal> values)
    {
        var cache = new C.NumberingCache(new C.FormatCode("General"), new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++)
        {
            cache.Append(new C.NumericPoint(new C.NumericValue(EnergyFormat.Plain(values[i]))) { Index = (uint)i });
        }

        return cache;
    }
}
