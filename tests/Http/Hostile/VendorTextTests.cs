using System.Text;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Vendor.Support;

namespace Energy.Http.Tests.Hostile;

/// <summary>
/// Issue 17: text the vendor's webhooks (seed 003 2.2, 2.3) cannot store — broken or overlong UTF-8, a lone
/// surrogate escape, a NUL — is a 4103 naming the field, never a 500, and stores nothing.
/// </summary>
public sealed class VendorTextTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    private const string Push = "/api/bbi/push";
    private const string Callback = "/api/bbi/callback";

    private static string NewDevice() => "1118" + Random.Shared.NextInt64(10_000_000, 99_999_999);

    /// <summary>
    /// A body from a JSON template written with ' for " (so no escaping in C#), where § stands for <paramref name="raw"/>
    /// bytes that no .NET string can carry (broken UTF-8).
    /// </summary>
    private static byte[] Body(string template, params byte[] raw)
    {
        var parts = template.Replace('\'', '"').Split('§');
        return parts.Length == 1 ? Encoding.UTF8.GetBytes(parts[0]) : [.. Encoding.UTF8.GetBytes(parts[0]), .. raw, .. Encoding.UTF8.GetBytes(parts[1])];
    }

    private async Task<Answer> RefusedAsync(string url, byte[] body)
    {
        var client = fixture.Host.CreateClient();
        var before = await Hostility.EventCountAsync(fixture.Host.Database);
        var answer = await client.PostBytes(url, body);
        (await Hostility.EventCountAsync(fixture.Host.Database)).ShouldBe(before, "a refused delivery appends nothing");
        return answer;
    }

    [Fact]
    public async Task An_overlong_utf8_sequence_in_data_id_is_400_naming_data_id()
    {
        var device = NewDevice();
        var body = Body("{'sign':'00','meter':'" + device + "','data_id':'d§','data':{'sjsj':'2021-09-28 09:04:00'}}", 0xC0, 0xAF);

        (await RefusedAsync(Push, body)).ShouldBeBadParameter("data_id");
    }

    [Fact]
    public async Task A_byte_that_is_no_utf8_at_all_in_meter_is_400_naming_meter()
    {
        var body = Body("{'sign':'00','meter':'1118§','data_id':'d1','data':{'sjsj':'2021-09-28 09:04:00'}}", 0xFF, 0xFE);

        (await RefusedAsync(Push, body)).ShouldBeBadParameter("meter");
    }

    [Fact]
    public async Task A_lone_surrogate_escape_in_sjsj_of_a_correctly_signed_push_is_400_naming_data_sjsj()
    {
        var device = NewDevice();
        var sign = Pushes.Sign("d-surrogate", device);
        var body = Body("{'sign':'" + sign + "','meter':'" + device + "','data_id':'d-surrogate','data':{'sjsj':'2021-09-28 09:04:00\\ud800','zxygzdl':1}}");

        (await RefusedAsync(Push, body)).ShouldBeBadParameter("data.sjsj");
    }

    [Fact]
    public async Task A_lone_surrogate_escape_in_task_id_of_a_callback_is_400_naming_task_id()
    {
        var body = Body("{'sign':'00','meter':'" + NewDevice() + "','task_id':'t\\udc00','data':{'sjzt':'0'}}");

        (await RefusedAsync(Callback, body)).ShouldBeBadParameter("task_id");
    }

    [Fact]
    public async Task A_nul_in_a_reading_field_of_a_correctly_signed_push_is_400_naming_the_field()
    {
        var device = NewDevice();
        var sign = Pushes.Sign("d-nul", device);
        var body = Body("{'sign':'" + sign + "','meter':'" + device + "','data_id':'d-nul','data':{'sjsj':'2021-09-28 09:04:00','yxzt':'00\\u000000'}}");

        (await RefusedAsync(Push, body)).ShouldBeBadParameter("data.yxzt");
    }

    [Fact]
    public async Task A_broken_byte_in_a_field_name_of_a_correctly_signed_push_is_400_naming_data()
    {
        var device = NewDevice();
        var sign = Pushes.Sign("d-name", device);
        var body = Body("{'sign':'" + sign + "','meter':'" + device + "','data_id':'d-name','data':{'sjsj':'2021-09-28 09:04:00','x§':'1'}}", 0xC3, 0x28);

        var answer = await RefusedAsync(Push, body);

        answer.ShouldBeBadParameter("data");
        answer.ErrMsg.ShouldContain("UTF-8");
    }
}
