using Energy.Application.Common;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Http.Tests.Operations;

public sealed class AuditLogTests
{
    private static IEnumerable<string> Types(Answer answer) =>
        answer.Json.GetProperty("Data").EnumerateArray().Select(e => e.GetProperty("Event_Type").GetString()!);

    [Fact]
    public async Task The_audit_log_filters_by_type_stream_and_time_and_never_returns_a_password_hash()
    {
        using var host = new EnergyHost();
        var admin = await host.AdminClientAsync();
        await host.UserClientAsync("audited");
        var plantTime = host.Services.GetRequiredService<PlantTime>();
        string Format(TimeSpan fromNow) => Uri.EscapeDataString(plantTime.Format(DateTimeOffset.UtcNow + fromNow));

        var all = await admin.GetAnswer("/api_3/audit/events");
        all.ErrNo.ShouldBe("0", all.Body);
        all.Body.ShouldNotContain("PasswordHash");
        all.Body.ShouldNotContain("TokenHash");

        var registrations = await admin.GetAnswer("/api_3/audit/events?Type=UserRegistered");
        Types(registrations).ShouldAllBe(t => t == "UserRegistered");
        registrations.Json.GetProperty("Total_Numbers").GetInt64().ShouldBe(2);

        var stream = await admin.GetAnswer("/api_3/audit/events?Stream=user-1&Type=UserRegistered,SessionStarted");
        stream.Json.GetProperty("Data").EnumerateArray().ShouldAllBe(e => e.GetProperty("Stream").GetString() == "user-1");
        Types(stream).ShouldContain("SessionStarted");

        var lastHour = await admin.GetAnswer($"/api_3/audit/events?Time_Start={Format(TimeSpan.FromHours(-1))}&Time_End={Format(TimeSpan.FromHours(1))}");
        lastHour.Json.GetProperty("Total_Numbers").GetInt64().ShouldBe(all.Json.GetProperty("Total_Numbers").GetInt64());
        var future = await admin.GetAnswer($"/api_3/audit/events?Time_Start={Format(TimeSpan.FromHours(1))}");
        future.Json.GetProperty("Total_Numbers").GetInt64().ShouldBe(0);
        (await admin.GetAnswer($"/api_3/audit/events?Time_Start={Format(TimeSpan.Zero)}&Time_End={Format(TimeSpan.FromHours(-1))}")).ErrNo.ShouldBe("4103");
    }
}
