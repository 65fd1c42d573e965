namespace Energy.Http.Tests.Contract;

public sealed class QueryTests(ContractHost host) : IClassFixture<ContractHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task A_list_query_pages_and_reports_the_true_total()
    {
        var answer = await _client.GetAnswer(
            "/api_3/test/energy?Time_Type=3&Time_Start=2019-04-01%2000:00:00&Meter_Name=A,B，C&Per_Page_Counts=2&Page_Counts=2");

        answer.ErrNo.ShouldBe("0");
        answer.Json.GetProperty("Total_Numbers").GetInt32().ShouldBe(3);
        answer.Body.ShouldContain("""[{"Meter_Name":"C","Time_Type":3,"Time":"2019-04-01 00:00:00"}]""");
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_with_the_true_total()
    {
        var answer = await _client.GetAnswer(
            "/api_3/test/energy?Time_Type=3&Time_Start=2019-04-01T00:00:00%2B08:00&Meter_Name=A&Page_Counts=9");

        answer.Body.ShouldBe("""{"Err_No":"0","Err_Msg":"ok","Data":[],"Total_Numbers":1}""");
    }

    [Fact]
    public async Task A_missing_required_parameter_is_named()
    {
        var answer = await _client.GetAnswer("/api_3/test/energy?Time_Start=2019-04-01%2000:00:00");

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ErrNo.ShouldBe("4103");
        answer.ErrMsg.ShouldContain("Time_Type");
    }

    [Fact]
    public async Task A_bad_time_is_named()
    {
        var answer = await _client.GetAnswer("/api_3/test/energy?Time_Type=3&Time_Start=yesterday");

        answer.ErrNo.ShouldBe("4103");
        answer.ErrMsg.ShouldContain("Time_Start");
    }

    [Fact]
    public async Task Too_many_rows_per_page_is_refused_naming_the_limit()
    {
        var answer = await _client.GetAnswer("/api_3/test/energy?Time_Type=3&Time_Start=2019-04-01&Per_Page_Counts=5000");

        answer.ErrNo.ShouldBe("4103");
        answer.ErrMsg.ShouldContain("Per_Page_Counts");
        answer.ErrMsg.ShouldContain("1000");
    }
}
