using System.Text.Json.Nodes;
using Energy.Domain.Readings;
using Energy.Domain.Vendor;
using Energy.Application.EventStore;
using Energy.Http.Tests.Vendor.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Http.Tests.Vendor;

/// <summary>seed 003 2.2 <c>/api/bbi/callback</c>: a task's result, signed with its task_id.</summary>
public sealed class CallbackTests(VendorHost host) : IClassFixture<VendorHost>
{
    private const string Url = "/api/bbi/callback";

    private Task<IReadOnlyList<EventEnvelope>> TaskStream(string taskId) =>
        host.Services.GetRequiredService<IEventStore>().ReadStreamAsync(VendorTask.StreamId(taskId));

    [Fact]
    public async Task A_recall_result_completes_the_task_and_its_data_is_recorded_as_a_reading()
    {
        var reading = Pushes.Reading("2021-09-28 10:00:00", 9.5m);
        reading["jdqzt"] = "0";

        var response = await host.CreateClient().PostJsonAsync(Url, Pushes.Callback("111800000590", "t-recall", reading));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var completed = (await TaskStream("t-recall")).ShouldHaveSingleItem().Data.ShouldBeOfType<VendorTaskCompleted>();
        completed.Device.ShouldBe("111800000590");
        completed.RelayState.ShouldBe("0");
        var recorded = (await host.Services.ReadingsAsync()).Where(r => r.Device == "111800000590").ShouldHaveSingleItem();
        recorded.TaskId.ShouldBe("t-recall");
        recorded.Parameters[ReadingParameters.Energy].ShouldBe(9.5m);
    }

    [Fact]
    public async Task A_relay_result_without_a_time_completes_the_task_without_a_reading()
    {
        var response = await host.CreateClient().PostJsonAsync(Url, Pushes.Callback("111800000591", "t-open", new JsonObject { ["yxzt"] = "00", ["sjzt"] = "0", ["jdqzt"] = "1" }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TaskStream("t-open")).ShouldHaveSingleItem().Data.ShouldBeOfType<VendorTaskCompleted>().RelayState.ShouldBe("1");
        (await host.Services.ReadingsAsync()).ShouldNotContain(r => r.Device == "111800000591");
    }

    [Fact]
    public async Task The_same_callback_again_is_acknowledged_and_stores_nothing_new()
    {
        var callback = Pushes.Callback("111800000592", "t-twice", Pushes.Reading("2021-09-28 11:00:00"));
        var client = host.CreateClient();

        (await client.PostJsonAsync(Url, callback)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostJsonAsync(Url, callback)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await TaskStream("t-twice")).Count.ShouldBe(1);
        (await host.Services.ReadingsAsync()).Count(r => r.Device == "111800000592").ShouldBe(1);
    }

    [Fact]
    public async Task A_callback_signed_with_the_wrong_task_id_is_401_and_stores_nothing()
    {
        var callback = Pushes.Callback("111800000593", "t-forged", Pushes.Reading());
        callback["sign"] = Pushes.Sign("t-other", "111800000593");

        (await host.CreateClient().PostJsonAsync(Url, callback)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await TaskStream("t-forged")).ShouldBeEmpty();
    }
}
