using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Energy.Application.Energy.Reports;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Energy.Http.Tests.Consumption;

/// <summary>Seed 3.4: a real .xlsx, read back cell by cell; (ext) its download and the name check.</summary>
public sealed class ReportTests
{
    [Fact]
    public async Task A_day_report_is_an_xlsx_with_the_detail_totals_a_chart_and_the_sequence_it_was_computed_at()
    {
        using var host = new EnergyQueryHost();
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("报表机");
        await client.MeterAsync(machine, "报表表", ",\"Meter_Code\":\"R-1\",\"Meter_IsCount\":\"1\"");
        await host.PushAsync("R-1", ("2019-06-12 10:00:00", 100m), ("2019-06-12 12:00:00", 140m));
        var caughtUp = await host.EnergyCaughtUpAsync();

        var created = await client.PostJson("/api_3/report",
            """{"Time_Type":"3","Time_Start":"2019-06-12 00:00:00","Time_End":"2019-06-13 00:00:00","Amount_Type":"2"}""");

        created.ErrNo.ShouldBe("0", created.Body);
        var row = created.Rows().ShouldHaveSingleItem();
        row.Text("File_Name").ShouldBe("Day_report2019_6_12.xlsx");
        // The report itself may seed the rates (events the energy figures skip), so its sequence can be later.
        var sequence = row.GetProperty("As_Of_Sequence").GetInt64();
        sequence.ShouldBeGreaterThanOrEqualTo(caughtUp);
        (await client.QueryAsync("allenergy", ("Time_Type", "3"), ("Time_Start", "2019-06-12 00:00:00"), ("Time_End", "2019-06-13 00:00:00"),
            ("Amount_Type", "2"), ("As_Of_Sequence", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .Total("报表表", "报表机", department: "冲压车间").ShouldBe("40.00");

        var download = await client.GetAsync(new Uri("/api_3/report?File_Name=Day_report2019_6_12.xlsx", UriKind.Relative));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bytes = await download.Content.ReadAsByteArrayAsync();

        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var workbook = document.WorkbookPart!;
            var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToDictionary(s => s.Name!.Value!, s => (WorksheetPart)workbook.GetPartById(s.Id!));
            sheets.Keys.ShouldBe(["Detail", "Totals"]);
            var detail = Cells(sheets["Detail"]);
            detail["A2"].ShouldBe("As_Of_Sequence");
            detail["B2"].ShouldBe(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
            detail["C6"].ShouldBe("报表表");
            detail["E5"].ShouldBe("2019-06-12 00:00:00");
            detail["O5"].ShouldBe("2019-06-12 10:00:00"); // column 5 + 10 points
            detail["O6"].ShouldBe("20");
            detail["P6"].ShouldBe("20");
            detail["AC6"].ShouldBe("40"); // the row's total after 24 points
            detail["A7"].ShouldBe("合计");
            detail["AC7"].ShouldBe("40");
            var totals = Cells(sheets["Totals"]);
            totals["C3"].ShouldBe("报表表");
            totals["E3"].ShouldBe("40");

            var chart = sheets["Detail"].DrawingsPart!.ChartParts.ShouldHaveSingleItem();
            chart.ChartSpace.Descendants<C.LineChartSeries>().Count().ShouldBe(1);
            chart.ChartSpace.Descendants<C.Formula>().Select(f => f.Text).ShouldContain("Detail!$E$6:$AB$6");

            var property = document.CustomFilePropertiesPart!.Properties.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>()
                .ShouldHaveSingleItem();
            property.Name!.Value.ShouldBe(ReportWorkbook.SequenceProperty);
            property.InnerText.ShouldBe(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await RendersInLibreOfficeAsync(bytes);
    }

    [Theory]
    [InlineData("../../etc/passwd", "4103")]
    [InlineData("Day_report2019_6_12.xlsx/../../x.xlsx", "4103")]
    [InlineData("report.xlsx", "4103")]
    [InlineData("Day_report2019_6_13.xlsx", "4002")]
    public async Task A_download_names_only_a_report_written_in_the_report_folder(string name, string errNo)
    {
        using var host = new EnergyQueryHost();
        var client = await host.AdminClientAsync();

        var answer = await client.GetAnswer("/api_3/report?File_Name=" + Uri.EscapeDataString(name));

        answer.ErrNo.ShouldBe(errNo, answer.Body);
        if (errNo == "4103")
        {
            answer.ErrMsg.ShouldContain("File_Name");
        }
    }

    private static Dictionary<string, string> Cells(WorksheetPart sheet) =>
        sheet.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c => c.DataType?.Value == CellValues.InlineString ? c.InnerText : c.CellValue!.Text);

    /// <summary>LibreOffice opens the file and prints it (skipped quietly when soffice is not installed).</summary>
    private static async Task RendersInLibreOfficeAsync(byte[] bytes)
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/local/bin/soffice" }.FirstOrDefault(File.Exists);
        if (soffice is null)
        {
            return;
        }

        var folder = Directory.CreateTempSubdirectory("energy-lo-");
        try
        {
            var xlsx = Path.Combine(folder.FullName, "Day_report2019_6_12.xlsx");
            await File.WriteAllBytesAsync(xlsx, bytes);
            using var process = Process.Start(new ProcessStartInfo(soffice,
                ["-env:UserInstallation=file://" + Path.Combine(folder.FullName, "profile"), "--headless", "--convert-to", "pdf", "--outdir", folder.FullName, xlsx])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            var pdf = new FileInfo(Path.Combine(folder.FullName, "Day_report2019_6_12.pdf"));
            pdf.Exists.ShouldBeTrue(await process.StandardError.ReadToEndAsync());
            pdf.Length.ShouldBeGreaterThan(1000);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
