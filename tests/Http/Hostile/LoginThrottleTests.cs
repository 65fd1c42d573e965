using Energy.Application.Users;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Support;
using Energy.Http.Tests.Vendor.Support;

namespace Energy.Http.Tests.Hostile;

/// <summary>
/// Issue 17: five failed logins from one address locked every user out for 5 minutes, the administrator behind the
/// plant's shared address included. The throttle counts per (user name, address).
/// </summary>
public sealed class LoginThrottleTests
{
    [Fact]
    public async Task Five_failures_for_one_name_do_not_lock_out_another_user_from_the_same_address()
    {
        using var host = new EnergyHost();
        await host.UserClientAsync("lisi");
        var client = host.CreateClient();
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            (await client.PostJson("/api/auth", """{"Usr_Name":"lisi","Usr_Password":"guess"}""")).ErrNo.ShouldBe("4102");
        }

        var li = await client.PostJson("/api/auth", $$"""{"Usr_Name":"lisi","Usr_Password":"{{Scenarios.Password}}"}""");
        var admin = await client.PostJson("/api/auth", $$"""{"Usr_Name":"{{Scenarios.AdminName}}","Usr_Password":"{{Scenarios.Password}}"}""");

        (li.Status, li.ErrNo).ShouldBe((HttpStatusCode.TooManyRequests, "4201"));
        admin.ErrNo.ShouldBe("0", admin.Body);
    }

    [Fact]
    public void A_name_is_throttled_per_address_and_freed_after_the_window()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var throttle = new LoginThrottle(clock);
        var fromShop = LoginThrottle.Key("admin", "10.0.0.7");
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            throttle.Failed(fromShop);
        }

        throttle.IsBlocked(fromShop).ShouldBeTrue();
        throttle.IsBlocked(LoginThrottle.Key("admin", "10.0.0.8")).ShouldBeFalse("the same name from another address");
        throttle.IsBlocked(LoginThrottle.Key("li", "10.0.0.7")).ShouldBeFalse("another name from the same address");
        clock.Advance(LoginThrottle.Window + TimeSpan.FromSeconds(1));
        throttle.IsBlocked(fromShop).ShouldBeFalse();
    }

    [Fact]
    public void Four_failures_do_not_block()
    {
        var throttle = new LoginThrottle(TimeProvider.System);
        var key = LoginThrottle.Key("li", "10.0.0.7");
        for (var i = 0; i < LoginThrottle.MaxFailures - 1; i++)
        {
            throttle.Failed(key);
        }

        throttle.IsBlocked(key).ShouldBeFalse();
    }
}
