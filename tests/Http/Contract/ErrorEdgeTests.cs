using Energy.Application.Common;

namespace Energy.Http.Tests.Contract;

public sealed class ErrorEdgeTests(ContractHost host) : IClassFixture<ContractHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Malformed_json_is_a_bad_parameter_with_status_400()
    {
        var answer = await _client.PostJson("/api_3/test/meters", "{\"Meter_Name\": \"A1\", ");

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ErrNo.ShouldBe(ErrNo.BadParameter);
        answer.ErrMsg.ShouldContain("not valid JSON");
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_named_in_the_message()
    {
        var answer = await _client.PostJson("/api_3/test/meters",
            """{"Meter_Name":"A1","Meter_Type":"electric","Meter_TotalAmount":"0","Meter_IsVirtual":"0"}""");

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ErrNo.ShouldBe("4103");
        answer.ErrMsg.ShouldContain("Meter_Type");
        answer.ErrMsg.ShouldContain("integer");
        answer.Body.ShouldNotContain("System.");
    }

    [Fact]
    public async Task A_non_numeric_amount_is_named_by_the_flexible_converter()
    {
        var answer = await _client.PostJson("/api_3/test/meters",
            """{"Meter_Name":"A1","Meter_Type":0,"Meter_TotalAmount":"lots","Meter_IsVirtual":"0"}""");

        answer.ErrNo.ShouldBe("4103");
        answer.ErrMsg.ShouldBe("参数错误: Meter_TotalAmount must be a number, got \"lots\"");
    }

    [Fact]
    public async Task A_flag_other_than_0_or_1_is_a_bad_parameter()
    {
        var answer = await _client.PostJson("/api_3/test/meters",
            """{"Meter_Name":"A1","Meter_Type":0,"Meter_TotalAmount":1,"Meter_IsVirtual":"yes"}""");

        answer.ErrNo.ShouldBe("4103");
        answer.ErrMsg.ShouldContain("Meter_IsVirtual");
    }

    [Fact]
    public async Task A_missing_field_is_named_as_required()
    {
        var answer = await _client.PostJson("/api_3/test/meters", """{"Meter_Name":"A1","Meter_TotalAmount":1,"Meter_IsVirtual":"0"}""");

        answer.ErrNo.ShouldBe("4103");
        answer.ErrMsg.ShouldBe("参数错误: Meter_Type is required");
    }

    [Fact]
    public async Task A_null_for_a_required_string_is_named()
    {
        var answer = await _client.PostJson("/api_3/test/meters",
            """{"Meter_Name":null,"Meter_Type":0,"Meter_TotalAmount":1,"Meter_IsVirtual":"0"}""");

        answer.ErrNo.ShouldBe("4103");
        answer.ErrMsg.ShouldContain("Meter_Name");
    }

    [Fact]
    public async Task A_missing_body_is_a_bad_parameter()
    {
        var response = await _client.PostAsync(new Uri("/api_3/test/meters", UriKind.Relative),
            new StringContent("", System.Text.Encoding.UTF8, "application/json"));
        var answer = await Answer.Of(response);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ErrNo.ShouldBe("4103");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_bad_parameter()
    {
        var response = await _client.PostAsync(new Uri("/api_3/test/meters", UriKind.Relative),
            new StringContent("Meter_Name=A1", System.Text.Encoding.UTF8, "text/plain"));
        var answer = await Answer.Of(response);

        answer.ErrNo.ShouldBe("4103");
        answer.ErrMsg.ShouldContain("JSON");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_and_a_clear_message()
    {
        var json = $$"""{"Meter_Name":"{{new string('x', ContractHost.BodyLimit)}}","Meter_Type":0,"Meter_TotalAmount":1,"Meter_IsVirtual":"0"}""";

        var answer = await _client.PostJson("/api_3/test/meters", json);

        answer.Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        answer.ErrNo.ShouldBe("4103");
        answer.ErrMsg.ShouldContain($"{ContractHost.BodyLimit} bytes");
    }

    [Fact]
    public async Task A_contract_error_thrown_by_a_handler_gets_its_mapped_status()
    {
        var answer = await _client.GetAnswer("/api_3/test/missing");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.ErrNo.ShouldBe("4002");
        answer.ErrMsg.ShouldContain("meter");
        answer.ErrMsg.ShouldContain("7");
    }

    [Fact]
    public async Task An_unhandled_failure_is_4001_with_status_500_and_no_details()
    {
        var answer = await _client.GetAnswer("/api_3/test/boom");

        answer.Status.ShouldBe(HttpStatusCode.InternalServerError);
        answer.ErrNo.ShouldBe("4001");
        answer.Body.ShouldNotContain("hunter2");
        answer.Body.ShouldNotContain("InvalidOperationException");
        answer.Body.ShouldNotContain(" at ");
    }

    [Fact]
    public async Task An_unknown_route_under_api_3_is_a_404_envelope()
    {
        var answer = await _client.GetAnswer("/api_3/no_such_thing");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.ErrNo.ShouldBe("4002");
    }

    [Fact]
    public async Task An_unknown_route_under_api_is_a_404_envelope()
    {
        var answer = await _client.GetAnswer("/api/no_such_thing");

        answer.ErrNo.ShouldBe("4002");
    }

    [Fact]
    public async Task A_wrong_method_is_a_bad_parameter_envelope()
    {
        var answer = await _client.GetAnswer("/api_3/test/meters");

        answer.Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
        answer.ErrNo.ShouldBe("4103");
    }

    [Fact]
    public async Task An_authentication_challenge_is_4101_not_logged_in()
    {
        var answer = await _client.GetAnswer("/api_3/test/challenge");

        answer.Status.ShouldBe(HttpStatusCode.Unauthorized);
        answer.ErrNo.ShouldBe("4101");
    }

    [Fact]
    public async Task A_refusal_is_4105_no_permission()
    {
        var answer = await _client.GetAnswer("/api_3/test/forbidden");

        answer.Status.ShouldBe(HttpStatusCode.Forbidden);
        answer.ErrNo.ShouldBe("4105");
    }
}
