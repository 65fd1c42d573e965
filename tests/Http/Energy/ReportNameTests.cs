using Energy.Application.Energy.Reports;
using Energy.Domain.Calendar;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Consumption;

/// <summary>(issue 17) Every 3.4 report has a name of its own that says its span, and the download takes exactly those names.</summary>
public sealed class ReportNameTests
{
    [Fact]
    public async Task A_second_report_of_the_same_day_is_a_new_copy_and_a_multi_day_window_names_its_span()
    {
        using var host = new EnergyQueryHost();
        var client = await host.AdminClientAsync();

        var names = new List<string>();
        foreach (var (type, start, end) in new[]
        {
            ("3", "2019-06-12 00:00:00", "2019-06-13 00:00:00"),
            ("3", "2019-06-12 00:00:00", "2019-06-13 00:00:00"),
            ("3", "2019-06-12 00:00:00", "2019-06-16 00:00:00"),
            ("2", "2019-06-01 00:00:00", "2019-08-01 00:00:00"),
            ("1", "2019-01-01 00:00:00", "2020-01-01 00:00:00"),
        })
        {
            var created = await client.PostJson("/api_3/report",
                $$"""{"Time_Type":"{{type}}","Time_Start":"{{start}}","Time_End":"{{end}}","Amount_Type":"1"}""");
            created.ErrNo.ShouldBe("0", created.Body);
            names.Add(created.Rows().ShouldHaveSingleItem().Text("File_Name"));
        }

        names.ShouldBe(["Day_report2019_6_12.xlsx", "Day_report2019_6_12-2.xlsx", "Day_report2019_6_12_to_2019_6_15.xlsx",
            "Month_report2019_6_to_2019_7.xlsx", "Year_report2019.xlsx"]);
        foreach (var name in names)
        {
            var download = await client.GetAsync(new Uri("/api_3/report?File_Name=" + Uri.EscapeDataString(name), UriKind.Relative));
            download.StatusCode.ShouldBe(HttpStatusCode.OK, name);
        }

        Directory.GetFiles(host.ReportDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Day_report2019_6_12.xlsx", true)]
    [InlineData("Day_report2019_6_12-2.xlsx", true)]
    [InlineData("Day_report2019_6_12-9999.xlsx", true)]
    [InlineData("Day_report2019_6_12_to_2019_6_15-3.xlsx", true)]
    [InlineData("Month_report2019_6_to_2019_7.xlsx", true)]
    [InlineData("Year_report2019_to_2020.xlsx", true)]
    [InlineData("Day_report2019_6_12-1.xlsx", false)]
    [InlineData("Day_report2019_6_12-0.xlsx", false)]
    [InlineData("Day_report2019_6_12-10000.xlsx", false)]
    [InlineData("Day_report2019_6_12_to_.xlsx", false)]
    [InlineData("Day_report2019_6_12-2.xlsx.tmp", false)]
    [InlineData(".Day_report2019_6_12.xlsx", false)]
    [InlineData("Day_report2019_6_12.xlsx\n", false)]
    [InlineData("../Day_report2019_6_12.xlsx", false)]
    [InlineData("Day_report2019_6_12.xlsm", false)]
    public void A_name_is_valid_exactly_when_the_handler_could_have_written_it(string name, bool valid) =>
        ReportNames.IsValid(name).ShouldBe(valid);

    [Fact]
    public void Every_name_written_is_one_the_download_accepts()
    {
        foreach (var (first, last) in new[]
        {
            (PeriodLabel.Day(2026, 12, 1), PeriodLabel.Day(2026, 12, 1)), (PeriodLabel.Day(2026, 12, 30), PeriodLabel.Day(2027, 1, 2)),
            (PeriodLabel.Month(2026, 1), PeriodLabel.Month(2026, 12)), (PeriodLabel.Year(2025), PeriodLabel.Year(2026)),
        })
        {
            foreach (var copy in new[] { 1, 2, 10, ReportNames.MaxCopies })
            {
                ReportNames.IsValid(ReportNames.Of(first, last, copy)).ShouldBeTrue(ReportNames.Of(first, last, copy));
            }
        }

        ReportNames.Of(PeriodLabel.Day(2026, 12, 1), PeriodLabel.Day(2026, 12, 1)).ShouldBe("Day_report2026_12_1.xlsx");
    }
}
