using System.Net.Http.Json;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Hostile;

/// <summary>
/// Issue 17: a device number that is not one (the push endpoint's rule, DeviceNumber) is refused before the vendor
/// is called: the fake vendor records no call and no task is stored.
/// </summary>
public sealed class VendorTaskTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    [Theory]
    [InlineData("../../x")]
    [InlineData("a'; DROP TABLE mt_events; --")]
    [InlineData("1118 0001")]
    [InlineData("..")]
    public async Task A_task_for_a_meter_code_that_is_no_device_number_never_reaches_the_vendor(string code)
    {
        var client = await fixture.Host.AdminClientAsync();
        var calls = fixture.Vendor.Calls.Count;
        var before = await Hostility.EventCountAsync(fixture.Host.Database);

        var answer = await Answer.Of(await client.PostAsJsonAsync("/api_3/vendor/tasks", new Dictionary<string, object> { ["Meter_Code"] = code, ["Task_Mode"] = "0" }));

        answer.ShouldBeBadParameter("Meter_Code");
        fixture.Vendor.Calls.Count.ShouldBe(calls, "the vendor was not called");
        (await Hostility.EventCountAsync(fixture.Host.Database)).ShouldBe(before);
    }

    [Fact]
    public async Task Archiving_a_meter_number_that_is_no_device_number_never_reaches_the_vendor()
    {
        var client = await fixture.Host.AdminClientAsync();
        var calls = fixture.Vendor.Calls.Count;

        var answer = await Answer.Of(await client.PostAsJsonAsync("/api_3/vendor/archive",
            new Dictionary<string, string> { ["Archive_Mode"] = "0", ["Concentrator"] = "06112163", ["Meters"] = "322234445555,../etc" }));

        answer.ShouldBeBadParameter("Meters");
        fixture.Vendor.Calls.Count.ShouldBe(calls);
    }
}
