using System.Text;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Hostile;

/// <summary>
/// Issue 17: a NUL (which PostgreSQL refuses in text and jsonb) or text that is not Unicode is refused at the edge,
/// in one place for every JSON string, query value and path, as a 4103 naming the field: never a 500, nothing appended.
/// </summary>
public sealed class EdgeTextTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    private async Task<Answer> RefusedAsync(Func<HttpClient, Task<Answer>> send)
    {
        var client = await fixture.Host.AdminClientAsync();
        var before = await Hostility.EventCountAsync(fixture.Host.Database);
        var answer = await send(client);
        (await Hostility.EventCountAsync(fixture.Host.Database)).ShouldBe(before, "a refused request appends nothing");
        return answer;
    }

    [Fact]
    public async Task A_nul_in_Meter_Code_of_a_new_meter_is_400_naming_Meter_Code()
    {
        var answer = await RefusedAsync(c => c.PostJson("/api_3/meters",
            """{"Meter_Name":"N1","Meter_Type":"0","Meter_Superior_id":"1","Meter_Code":"1118\u0000"}"""));

        answer.ShouldBeBadParameter("Meter_Code");
        answer.ErrMsg.ShouldContain("NUL");
    }

    [Fact]
    public async Task A_nul_in_a_user_name_is_400_naming_Usr_Name()
    {
        var answer = await RefusedAsync(c => c.PostJson("/api/users",
            """{"Usr_Name":"li\u0000","Usr_Email":"li@example.com","Usr_Password":"correct horse battery"}"""));

        answer.ShouldBeBadParameter("Usr_Name");
    }

    [Fact]
    public async Task A_lone_surrogate_escape_in_a_json_body_is_400_naming_the_field()
    {
        var answer = await RefusedAsync(c => c.PostJson("/api_3/metersuperiors",
            """{"Meter_Superior":"M\ud800","Meter_Department":"冲压车间","equipmentCode":"01","equipmentUnitCode":"0001"}"""));

        answer.ShouldBeBadParameter("Meter_Superior");
        answer.ErrMsg.ShouldContain("surrogate");
    }

    [Fact]
    public async Task An_overlong_utf8_sequence_in_a_json_body_is_400_naming_the_field()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"Meter_Superior\":\"M"), 0xC0, 0xAF,
            .. Encoding.UTF8.GetBytes("\",\"Meter_Department\":\"冲压车间\",\"equipmentCode\":\"01\",\"equipmentUnitCode\":\"0001\"}")];

        var answer = await RefusedAsync(c => c.PostBytes("/api_3/metersuperiors", body));

        answer.ShouldBeBadParameter("Meter_Superior");
    }

    [Fact]
    public async Task A_nul_in_a_query_value_is_400_naming_the_parameter()
    {
        var answer = await RefusedAsync(c => c.GetAnswer("/api_3/meters?Meter_Code=1118%00"));

        answer.ShouldBeBadParameter("Meter_Code");
    }

    [Fact]
    public void A_nul_in_the_path_is_refused_by_the_edge_when_a_server_hands_it_on()
    {
        // Kestrel (and the test server's client) refuse a decoded NUL in the path before the application runs:
        // Kestrel answers 400 with an empty body, which no application code can reach (docs/HOSTILE_INPUT.md).
        // A server that hands it on meets the edge's guard, which the envelope middleware runs first.
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Path = "/api_3/machine_images/x\0.png";

        var refusal = Should.Throw<Energy.Application.Common.ContractError>(() => Energy.Http.Contract.RequestText.Check(context.Request));

        refusal.ErrNo.ShouldBe("4103");
        refusal.Message.ShouldContain("NUL");
    }

    [Fact]
    public async Task A_nul_in_an_update_is_refused_as_well()
    {
        var client = await fixture.Host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("NUL-" + Guid.NewGuid().ToString("N")[..8]);
        var before = await Hostility.EventCountAsync(fixture.Host.Database);

        var answer = await client.PutJson("/api_3/metersuperiors",
            $$"""{"id":{{machine}},"Meter_Superior":"M","Meter_Department":"x\u0000","equipmentCode":"01","equipmentUnitCode":"0001"}""");

        answer.ShouldBeBadParameter("Meter_Department");
        (await Hostility.EventCountAsync(fixture.Host.Database)).ShouldBe(before);
    }
}
