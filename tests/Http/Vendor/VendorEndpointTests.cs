using System.Text.Json;
using System.Text.Json.Nodes;
using Energy.Http.Tests.Support;
using Energy.Http.Tests.Vendor.Support;

namespace Energy.Http.Tests.Vendor;

public sealed class VendorApiFixture : IAsyncLifetime
{
    public FakeVendor Vendor { get; private set; } = null!;

    public VendorHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Vendor = await FakeVendor.StartAsync();
        Host = VendorHost.Create(vendorBaseUrl: Vendor.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Vendor.DisposeAsync();
    }
}

/// <summary>(ext) CONTRACT §5: <c>/api_3/vendor/archive</c> and <c>/api_3/vendor/tasks</c> for logged-in users.</summary>
public sealed class VendorEndpointTests(VendorApiFixture fixture) : IClassFixture<VendorApiFixture>
{
    private FakeVendor Vendor => fixture.Vendor;

    private async Task<JsonElement> TasksAsync(HttpClient client, string query = "") =>
        await (await client.GetAsync(new Uri("/api_3/vendor/tasks" + query, UriKind.Relative))).EnvelopeAsync();

    [Fact]
    public async Task A_dispatched_task_is_listed_and_its_callback_result_is_kept_with_it()
    {
        Vendor.TaskReply = ("10000", "Success");
        Vendor.Delay = TimeSpan.Zero;
        var client = await fixture.Host.AdminClientAsync();

        var response = await client.PostAsJsonAsync("/api_3/vendor/tasks", new Dictionary<string, object> { ["Meter_Code"] = "111800000700", ["Task_Mode"] = 2 });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var taskId = (await response.EnvelopeAsync()).GetProperty("Data")[0].GetProperty("Task_Id").GetString()!;
        var listed = (await TasksAsync(client, "?Task_Id=" + taskId)).GetProperty("Data")[0];
        listed.GetProperty("Meter_Code").GetString().ShouldBe("111800000700");
        listed.GetProperty("Task_Mode").GetString().ShouldBe("2");
        listed.GetProperty("Task_Status").GetString().ShouldBe("dispatched");
        listed.GetProperty("Dispatch_User").GetString().ShouldBe(Scenarios.AdminName);

        var callback = Pushes.Callback("111800000700", taskId, new JsonObject { ["sjzt"] = "0", ["jdqzt"] = "1" });
        (await fixture.Host.CreateClient().PostJsonAsync("/api/bbi/callback", callback)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var completed = (await TasksAsync(client, "?Task_Id=" + taskId)).GetProperty("Data")[0];
        completed.GetProperty("Task_Status").GetString().ShouldBe("completed");
        completed.GetProperty("Relay_State").GetString().ShouldBe("1");
        completed.GetProperty("Task_Result").GetProperty("jdqzt").GetString().ShouldBe("1");
    }

    [Fact]
    public async Task A_vendor_error_code_reaches_the_caller_as_4004_with_the_code_and_records_nothing()
    {
        Vendor.TaskReply = ("20001", "Unfinished task");
        Vendor.Delay = TimeSpan.Zero;
        var client = await fixture.Host.AdminClientAsync();

        var response = await client.PostAsJsonAsync("/api_3/vendor/tasks", new Dictionary<string, object> { ["Meter_Code"] = "111800000701", ["Task_Mode"] = "0" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var envelope = await response.EnvelopeAsync();
        envelope.GetProperty("Err_No").GetString().ShouldBe("4004");
        envelope.GetProperty("Err_Msg").GetString()!.ShouldContain("20001 Unfinished task");
        (await TasksAsync(client, "?Meter_Code=111800000701")).GetProperty("Total_Numbers").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task A_vendor_that_does_not_answer_in_time_reaches_the_caller_as_4501()
    {
        Vendor.TaskReply = ("10000", "Success");
        Vendor.Delay = TimeSpan.FromSeconds(5);
        var client = await fixture.Host.AdminClientAsync();

        try
        {
            var response = await client.PostAsJsonAsync("/api_3/vendor/tasks", new Dictionary<string, object> { ["Meter_Code"] = "111800000702", ["Task_Mode"] = "1" });

            response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
            var envelope = await response.EnvelopeAsync();
            envelope.GetProperty("Err_No").GetString().ShouldBe("4501");
            envelope.GetProperty("Err_Msg").GetString()!.ShouldContain("did not answer in time");
        }
        finally
        {
            Vendor.Delay = TimeSpan.Zero;
        }
    }

    [Theory]
    [InlineData("Task_Mode", "3")]
    [InlineData("Meter_Code", " ")]
    public async Task A_bad_task_request_is_400_naming_the_field(string field, string value)
    {
        var client = await fixture.Host.AdminClientAsync();
        var body = new Dictionary<string, string> { ["Meter_Code"] = "111800000703", ["Task_Mode"] = "0", [field] = value };

        var response = await client.PostAsJsonAsync("/api_3/vendor/tasks", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.EnvelopeAsync()).GetProperty("Err_Msg").GetString()!.ShouldContain(field);
    }

    [Fact]
    public async Task Archiving_meters_returns_the_concentrator_and_its_message()
    {
        Vendor.Delay = TimeSpan.Zero;
        var client = await fixture.Host.AdminClientAsync();

        var response = await client.PostAsJsonAsync("/api_3/vendor/archive", new Dictionary<string, string>
        {
            ["Archive_Mode"] = "0", ["Concentrator"] = "06112163", ["Meters"] = "322234445555，211123335444",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var data = (await response.EnvelopeAsync()).GetProperty("Data")[0];
        data.GetProperty("Concentrator").GetString().ShouldBe("06112163");
        data.GetProperty("Message").GetString().ShouldBe("6891170611216368");
    }

    [Fact]
    public async Task Archiving_more_than_8_meters_is_400_naming_Meters()
    {
        var client = await fixture.Host.AdminClientAsync();

        var response = await client.PostAsJsonAsync("/api_3/vendor/archive", new Dictionary<string, string>
        {
            ["Archive_Mode"] = "0", ["Concentrator"] = "06112163", ["Meters"] = string.Join(',', Enumerable.Range(1, 9)),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.EnvelopeAsync()).GetProperty("Err_Msg").GetString()!.ShouldContain("Meters must list 1 to 8");
    }

    [Fact]
    public async Task The_vendor_endpoints_need_a_login()
    {
        var response = await fixture.Host.CreateClient().GetAsync(new Uri("/api_3/vendor/tasks", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.EnvelopeAsync()).GetProperty("Err_No").GetString().ShouldBe("4101");
    }
}
