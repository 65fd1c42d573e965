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

        using var file = new ReportFile(bytes);
        file.SheetNames.ShouldBe(["汇总", "电"]);
        var detail = file.Cells("电");
        detail["A1"].ShouldBe("本厂能源日报　2019年6月12日　电（kWh）");
        detail["A2"].ShouldStartWith("统计周期：2019-06-12 00:00 至 2019-06-13 00:00（Asia/Shanghai）");
        detail["A3"].ShouldStartWith("生成时间：");
        detail["C4"].ShouldBe("仪表");
        detail["E4"].ShouldBe("各时段用量（kWh）");
        detail["C6"].ShouldBe("报表表");
        detail["D6"].ShouldBe("计量表");
        detail["E5"].ShouldBe("00:00");
        detail["O5"].ShouldBe("10:00"); // column 5 + 10 points
        detail["O6"].ShouldBe("20");
        detail["P6"].ShouldBe("20");
        detail["AC4"].ShouldBe("合计（kWh）");
        detail["AC6"].ShouldBe("40"); // the row's total after 24 points
        detail["A7"].ShouldBe("合计");
        detail["AC7"].ShouldBe("40");
        var summary = file.Cells("汇总");
        summary["D6"].ShouldBe("报表表");
        summary["F6"].ShouldBe("40");
        summary["G6"].ShouldBe("kWh");

        var chart = file.Chart("电");
        chart.Descendants<C.LineChartSeries>().Count().ShouldBe(1);
        chart.Descendants<C.Formula>().Select(f => f.Text).ShouldContain("'电'!$E$6:$AB$6");
        file.CustomProperties.ShouldBe([(ReportWorkbook.SequenceProperty, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
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
}
