using System.Globalization;
using Energy.Application.Energy.Reports;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Energy.Http.Tests.Consumption;

/// <summary>
/// Issue 20: the day, month and year reports as a plant manager gets them — printed by LibreOffice (headless) to
/// PDF and PNG: landscape pages, a day's 24 hours on one page wide, one titled chart per energy type with distinct
/// series colours and axis titles in its unit, and the sequence in the document properties only.
/// Set ENERGY_REPORT_PNGS to a folder to keep the PNGs (docs/ holds those of a day report).
/// </summary>
public sealed class ReportRenderTests(ReportPlant plant) : IClassFixture<ReportPlant>
{
    [Theory]
    [InlineData("day", "能源日报", "00:00", "23:00")]
    [InlineData("month", "能源月报", "1日", "28日")]
    [InlineData("year", "能源年报", "1月", "12月")]
    public async Task A_report_prints_landscape_one_page_wide_with_a_titled_coloured_chart_per_energy_type(string kind, string title, string firstPoint, string lastPoint)
    {
        var (name, bytes, sequence) = await plant.ReportAsync(kind);

        using (var file = new ReportFile(bytes))
        {
            file.SchemaErrors.ShouldBeEmpty();
            file.SheetNames.ShouldBe([ReportWorkbook.SummarySheet, "电", "自来水"]);
            file.Cells("电")["A1"].ShouldStartWith("本厂" + title);
            file.Cells("电")["A1"].ShouldEndWith("电（kWh）");
            file.Sheets.SelectMany(s => file.Cells(s.Name).Values).ShouldNotContain(v => v.Contains("As_Of_Sequence") || v.Contains("Sequence"));
            file.CustomProperties.ShouldBe([(ReportWorkbook.SequenceProperty, sequence.ToString(CultureInfo.InvariantCulture))]);
            foreach (var (sheet, _) in file.Sheets)
            {
                var setup = file.Sheet(sheet).Worksheet.GetFirstChild<S.PageSetup>()!;
                (setup.Orientation!.Value, setup.FitToWidth!.Value).ShouldBe((S.OrientationValues.Landscape, 1u), sheet);
            }

            ChartIsTitledAndColoured(file.Chart("电"), "电", "kWh", minimumSeries: 4);
            ChartIsTitledAndColoured(file.Chart("自来水"), "自来水", "t", minimumSeries: 1);
        }

        var folder = Directory.CreateTempSubdirectory("energy-report-");
        try
        {
            var xlsx = Path.Combine(folder.FullName, name);
            await File.WriteAllBytesAsync(xlsx, bytes);
            var pdf = await Renderer.PdfAsync(xlsx);
            var pages = await Renderer.PagesAsync(pdf);
            pages.Count.ShouldBe(3, "one page each for 汇总, 电 and 自来水");
            pages.ShouldAllBe(p => p.Width > p.Height, "landscape");

            // The electricity page holds every point column, its 合计 and its chart title: one page wide.
            var text = await Renderer.TextAsync(pdf, 2);
            text.ShouldContain(firstPoint);
            text.ShouldContain(lastPoint);
            text.ShouldContain("合计（kWh）");
            text.ShouldContain("费用（元）");
            text.ShouldContain("用量（kWh）");

            var pngs = await Renderer.PngsAsync(pdf, Path.Combine(folder.FullName, kind));
            pngs.Count.ShouldBe(3);
            if (Environment.GetEnvironmentVariable("ENERGY_REPORT_PNGS") is { Length: > 0 } keep)
            {
                Directory.CreateDirectory(keep);
                foreach (var png in pngs)
                {
                    File.Copy(png, Path.Combine(keep, "report-" + Path.GetFileName(png)), overwrite: true);
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void ChartIsTitledAndColoured(C.ChartSpace chart, string sheet, string unit, int minimumSeries)
    {
        var title = chart.GetFirstChild<C.Chart>()!.GetFirstChild<C.Title>()!.Descendants<A.Text>().Single().Text;
        title.ShouldStartWith(sheet);
        title.ShouldContain($"（{unit}）");
        chart.Descendants<C.ValueAxis>().Single().GetFirstChild<C.Title>()!.InnerText.ShouldBe($"用量（{unit}）");
        chart.Descendants<C.CategoryAxis>().Single().GetFirstChild<C.Title>()!.InnerText.ShouldNotBeEmpty();
        chart.Descendants<C.Legend>().Single().GetFirstChild<C.Overlay>()!.Val!.Value.ShouldBeFalse();

        var series = chart.Descendants<C.LineChartSeries>().ToList();
        series.Count.ShouldBeGreaterThanOrEqualTo(minimumSeries);
        var colours = series.Select(s => s.GetFirstChild<C.ChartShapeProperties>()!.Descendants<A.RgbColorModelHex>().First().Val!.Value).ToList();
        colours.Distinct().Count().ShouldBe(series.Count, "a colour per series");

        // kWh and tonnes never share an axis: every series of the sheet's chart reads that sheet's rows.
        series.SelectMany(s => s.Descendants<C.Formula>()).ShouldAllBe(f => f.Text.StartsWith($"'{sheet}'!", StringComparison.Ordinal));
    }
}
