namespace Energy.Http.Tests.Contract;

public sealed class EnvelopeTests(ContractHost host) : IClassFixture<ContractHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Data_keeps_seed_names_verbatim_and_chinese_unescaped()
    {
        var answer = await _client.GetAnswer("/api_3/test/chinese");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Body.ShouldBe("""{"Err_No":"0","Err_Msg":"ok","Data":[{"Ene_Name":"电","Unit":"kWh"}]}""");
    }

    [Fact]
    public async Task A_create_returns_the_new_id_in_data()
    {
        var answer = await _client.PostJson("/api_3/test/created", "{}");

        answer.Body.ShouldBe("""{"Err_No":"0","Err_Msg":"ok","Data":[{"id":42}]}""");
    }

    [Fact]
    public async Task Str_fields_accept_numbers_and_flags_are_written_as_0_or_1()
    {
        var answer = await _client.PostJson("/api_3/test/meters",
            """{"Meter_Name":12345,"Meter_Type":"3","Meter_TotalAmount":"12.50","Meter_IsVirtual":1}""");

        answer.ErrNo.ShouldBe("0");
        answer.Body.ShouldContain("""{"Meter_Name":"12345","Meter_Type":3,"Meter_TotalAmount":12.50,"Meter_IsVirtual":"1"}""");
    }

    [Fact]
    public async Task Error_messages_in_chinese_are_written_unescaped()
    {
        var answer = await _client.GetAnswer("/api_3/test/missing");

        answer.Body.ShouldContain("无数据");
        answer.Body.ShouldNotContain("\\u");
    }
}
