using DocumentFormat.OpenXml;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Energy.Application.Energy.Reports;

public static partial class ReportWorkbook
{
    private static C.CategoryAxis CategoryAxis(string title) => new(
        new C.AxisId { Val = 1u }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
        new C.Delete { Val = false }, new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
        Title(title, 1000),
        new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
        new C.MajorTickMark { Val = C.TickMarkValues.Outside }, new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.Low }, new C.CrossingAxis { Val = 2u },
        new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.AutoLabeled { Val = true },
        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center }, new C.LabelOffset { Val = 100 }, new C.NoMultiLevelLabels { Val = false });

    private static C.ValueAxis ValueAxis(string title) => new(
        new C.AxisId { Val = 2u }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
        new C.Delete { Val = false }, new C.AxisPosition { Val = C.AxisPositionValues.Left },
        new C.MajorGridlines(new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "D9D9D9" })) { Width = 6350 })),
        Title(title, 1000),
        new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
        new C.MajorTickMark { Val = C.TickMarkValues.Outside }, new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo }, new C.CrossingAxis { Val = 1u },
        new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.CrossBetween { Val = C.CrossBetweenValues.Between });

    /// <summary>A chart or axis title in rich text (size in hundredths of a point).</summary>
    private static C.Title Title(string text, int size) => new(
        new C.ChartText(new C.RichText(
            new A.BodyProperties(), new A.ListStyle(),
            new A.Paragraph(
                new A.ParagraphProperties(new A.DefaultRunProperties { Bold = true, FontSize = size }),
                new A.Run(new A.RunProperties { Language = "zh-CN", Bold = true, FontSize = size }, new A.Text(text))))),
        new C.Overlay { Val = false });

    private static C.ChartShapeProperties SeriesLine(string rgb, bool dashed) => new(
        new A.Outline(
            new A.SolidFill(new A.RgbColorModelHex { Val = rgb }),
            new A.PresetDash { Val = dashed ? A.PresetLineDashValues.Dash : A.PresetLineDashValues.Solid },
            new A.Round())
        { Width = 22225, CapType = A.LineCapValues.Round });

    private static C.ChartShapeProperties Fill(string rgb) => new(
        new A.SolidFill(new A.RgbColorModelHex { Val = rgb }),
        new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = rgb })));

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
