using Energy.Http.Tests.Alarms;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Oee;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Hostile;

/// <summary>
/// Issue 17, "accepted although invalid": values that used to be stored although the contract (or plain sense)
/// forbids them are now a 4103 naming the field, and the log is unchanged.
/// </summary>
public sealed class AcceptedInvalidTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    private string Database => fixture.Host.Database;

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    private async Task<Answer> RefusedAsync(Func<Task<Answer>> send)
    {
        var before = await Hostility.EventCountAsync(Database);
        var answer = await send();
        (await Hostility.EventCountAsync(Database)).ShouldBe(before, "a refused request appends nothing");
        return answer;
    }

    [Fact]
    public async Task A_ten_thousand_character_email_is_400_naming_Usr_Email()
    {
        var admin = await fixture.Host.AdminClientAsync();
        var email = new string('a', 9_988) + "@example.com";

        var answer = await RefusedAsync(() => admin.PostJson("/api/users",
            $$"""{"Usr_Name":"{{Unique("long")}}","Usr_Email":"{{email}}","Usr_Password":"correct horse battery"}"""));

        answer.ShouldBeBadParameter("Usr_Email");
        answer.ErrMsg.ShouldContain("254");
    }

    [Fact]
    public async Task An_unbounded_profile_field_is_400_naming_it()
    {
        var admin = await fixture.Host.AdminClientAsync();

        var answer = await RefusedAsync(() => admin.PostJson("/api/users",
            $$"""{"Usr_Name":"{{Unique("co")}}","Usr_Email":"co@example.com","Usr_Password":"correct horse battery","Usr_Company":"{{new string('x', 10_000)}}"}"""));

        answer.ShouldBeBadParameter("Usr_Company");
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("a'; DROP TABLE meters; --")]
    [InlineData("1118 0001")]
    [InlineData("设备1")]
    public async Task A_meter_code_that_is_no_device_number_is_400_on_create_and_update(string code)
    {
        var admin = await fixture.Host.AdminClientAsync();
        var machine = await admin.CreateMachineAsync(Unique("码-"));
        var meter = await admin.CreateMeterAsync(Unique("码表-"), machine);
        var json = System.Text.Json.JsonSerializer.Serialize(code);

        (await RefusedAsync(() => admin.PostMeterAsync(Unique("码表-"), machine, $",\"Meter_Code\":{json}"))).ShouldBeBadParameter("Meter_Code");
        (await RefusedAsync(() => admin.PutJson("/api_3/meters",
            $$"""{"id":{{meter}},"Meter_Name":"{{Unique("码表-")}}","Meter_Type":"0","Meter_Superior_id":"{{machine}}","Meter_Code":{{json}}}""")))
            .ShouldBeBadParameter("Meter_Code");
    }

    [Fact]
    public async Task A_meter_code_the_push_endpoint_accepts_is_accepted_for_a_meter()
    {
        var admin = await fixture.Host.AdminClientAsync();
        var machine = await admin.CreateMachineAsync(Unique("码-"));

        (await admin.PostMeterAsync(Unique("码表-"), machine, ",\"Meter_Code\":\"MX-1118_0001.2\"")).ErrNo.ShouldBe("0");
    }

    [Fact]
    public async Task An_alarm_rule_whose_parameter_is_no_contract_parameter_is_400_on_define_and_change()
    {
        var admin = await fixture.Host.AdminClientAsync();
        var meter = await admin.MeterOnDeviceAsync(Unique("参数-"), "1118" + Random.Shared.Next(1_000_000, 9_999_999));
        var alarm = await admin.AlarmAsync(Unique("过压-"), type: 2);
        var rule = await admin.RuleAsync(Unique("规则-"), alarm, meter, 200, 250, "UA");

        (await RefusedAsync(() => admin.PostJson("/api_3/alarm_status_rules",
            $$"""{"Rule_Name":"{{Unique("r-")}}","Alarm_id":{{alarm}},"Meter_id":{{meter}},"Meter_Parameter":"voltage","LowerLimit":1,"UpperLimit":2}""")))
            .ShouldBeBadParameter("Meter_Parameter");
        (await RefusedAsync(() => admin.PutJson("/api_3/alarm_status_rules",
            $$"""{"id":{{rule}},"Rule_Name":"{{Unique("r-")}}","Alarm_id":{{alarm}},"Meter_id":{{meter}},"Meter_Parameter":"ua","LowerLimit":1,"UpperLimit":2}""")))
            .ShouldBeBadParameter("Meter_Parameter");
    }

    [Fact]
    public async Task An_oee_rule_whose_parameter_is_no_contract_parameter_is_400_on_change()
    {
        var admin = await fixture.Host.AdminClientAsync();
        var machine = await admin.CreateMachineAsync(Unique("OEE-"));
        var meter = await admin.CreateMeterAsync(Unique("OEE表-"), machine);
        var rule = await admin.CreateRuleAsync(Unique("运行-"), "运行", machine, meter, "P", "10", "1000");

        (await RefusedAsync(() => admin.PutJson("/api_3/OEE_status_rules",
            $$"""{"id":{{rule}},"Rule_Name":"{{Unique("运行-")}}","Status_Name":"运行","Meter_id":{{meter}},"Meter_Parameter":"kW","LowerLimit":0,"UpperLimit":1,"Meter_Superior_id":{{machine}}}""")))
            .ShouldBeBadParameter("Meter_Parameter");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("138-abc-0000")]
    [InlineData("+")]
    [InlineData("1234")]
    public async Task An_sms_alarm_whose_address_is_no_phone_number_is_400_naming_Notify_Address(string address)
    {
        var admin = await fixture.Host.AdminClientAsync();

        var answer = await RefusedAsync(() => admin.PostJson("/api_3/alarm_status",
            $$"""{"Alarm_Name":"{{Unique("短信-")}}","Alarm_Type":2,"Alarm_Level":3,"Alarm_Notify":2,"Notify_Address":"{{address}}"}"""));

        answer.ShouldBeBadParameter("Notify_Address");
    }

    [Theory]
    [InlineData("13800138000")]
    [InlineData("+86 138 0013 8000")]
    public async Task An_sms_alarm_with_a_phone_number_is_accepted(string address)
    {
        var admin = await fixture.Host.AdminClientAsync();

        (await admin.AlarmAsync(Unique("短信-"), type: 2, notify: 2, address: address)).ShouldBePositive();
    }
}
