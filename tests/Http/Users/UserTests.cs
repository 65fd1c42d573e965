using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapper;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Support;
using Npgsql;

namespace Energy.Http.Tests.Users;

public sealed class UserTests
{
    private static async Task<long> EventCountAsync(EnergyHost host)
    {
        await using var conn = new NpgsqlConnection(host.ConnectionString);
        return await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM mt_events");
    }

    private static Task<Answer> Register(HttpClient client, string name, string email = "x@example.com", string password = Scenarios.Password) =>
        client.PostJson("/api/users", $$"""{"Usr_Name":"{{name}}","Usr_Email":"{{email}}","Usr_Password":"{{password}}"}""");

    [Fact]
    public async Task The_first_user_registers_freely_and_later_only_an_administrator_may_register()
    {
        using var host = new EnergyHost();
        var anonymous = host.CreateClient();

        var founded = await Register(anonymous, "founder");
        founded.ErrNo.ShouldBe("0", founded.Body);
        (await Register(anonymous, "stranger")).ErrNo.ShouldBe("4101");
        var founder = await host.LoggedInClientAsync("founder", Scenarios.Password);
        var created = await Register(founder, "worker");
        created.ErrNo.ShouldBe("0");
        created.Json.GetProperty("Data")[0].GetProperty("id").GetInt64().ShouldBeGreaterThan(0);

        var worker = await host.LoggedInClientAsync("worker", Scenarios.Password);
        var refused = await Register(worker, "intruder");
        refused.ErrNo.ShouldBe("4105");
        refused.Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Racing_bootstrap_registrations_make_exactly_one_administrator()
    {
        using var host = new EnergyHost();
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Register(host.CreateClient(), "boss" + i)));

        answers.Count(a => a.ErrNo == "0").ShouldBe(1);
        answers.Where(a => a.ErrNo != "0").ShouldAllBe(a => a.ErrNo == "4101");
    }

    [Fact]
    public async Task Bad_registrations_name_the_field_and_append_nothing()
    {
        using var host = new EnergyHost();
        var admin = await host.AdminClientAsync();
        var before = await EventCountAsync(host);

        (await Register(admin, "ab")).ShouldSatisfyAllConditions(a => a.ErrNo.ShouldBe("4103"), a => a.ErrMsg.ShouldContain("Usr_Name"));
        (await Register(admin, "valid", email: "not-an-email")).ErrMsg.ShouldContain("Usr_Email");
        (await Register(admin, "valid", password: "short")).ErrMsg.ShouldContain("Usr_Password");
        (await admin.PostJson("/api/users", """{"Usr_Name":"valid","Usr_Email":"v@example.com"}""")).ErrMsg.ShouldContain("Usr_Password");
        (await Register(admin, Scenarios.AdminName)).ShouldSatisfyAllConditions(a => a.ErrNo.ShouldBe("4003"), a => a.Status.ShouldBe(HttpStatusCode.Conflict));

        (await EventCountAsync(host)).ShouldBe(before);
    }

    [Fact]
    public async Task A_wrong_name_and_a_wrong_password_get_the_same_answer_and_repeated_failures_are_throttled()
    {
        using var host = new EnergyHost();
        await host.AdminClientAsync();
        var client = host.CreateClient();

        var wrongPassword = await client.PostJson("/api/auth", """{"Usr_Name":"admin","Usr_Password":"guess-one"}""");
        var wrongName = await client.PostJson("/api/auth", """{"Usr_Name":"nobody","Usr_Password":"guess-one"}""");
        wrongPassword.ErrNo.ShouldBe("4102");
        wrongName.ErrMsg.ShouldBe(wrongPassword.ErrMsg);

        for (var i = 0; i < 4; i++)
        {
            await client.PostJson("/api/auth", """{"Usr_Name":"admin","Usr_Password":"guess-again"}""");
        }

        var throttled = await client.PostJson("/api/auth", $$"""{"Usr_Name":"admin","Usr_Password":"{{Scenarios.Password}}"}""");
        throttled.ErrNo.ShouldBe("4201");
        throttled.Status.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_session_works_by_token_or_cookie_and_stops_working_at_logout()
    {
        using var host = new EnergyHost();
        var admin = await host.AdminClientAsync();
        (await admin.GetAnswer("/api/users")).Json.GetProperty("Data")[0].GetProperty("Usr_Name").GetString().ShouldBe("admin");

        var cookieClient = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        var login = await cookieClient.PostJson("/api/auth", $$"""{"Usr_Name":"admin","Usr_Password":"{{Scenarios.Password}}"}""");
        login.Json.GetProperty("Data")[0].GetProperty("Usr_ID").GetString().ShouldNotBeNullOrEmpty();
        (await cookieClient.GetAnswer("/api/users")).ErrNo.ShouldBe("0");

        (await Answer.Of(await admin.DeleteAsync(new Uri("/api/auth", UriKind.Relative)))).ErrNo.ShouldBe("0");
        var after = await admin.GetAnswer("/api/users");
        after.ErrNo.ShouldBe("4101");
        after.Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await cookieClient.GetAnswer("/api/users")).ErrNo.ShouldBe("0", "the other session is untouched");
    }

    [Fact]
    public async Task Anonymous_calls_to_api_3_are_refused_with_4101()
    {
        using var host = new EnergyHost();
        var answer = await host.CreateClient().GetAnswer("/api_3/audit/streams/user-1");

        answer.ErrNo.ShouldBe("4101");
        answer.Status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_user_updates_their_own_profile_but_not_another_users()
    {
        using var host = new EnergyHost();
        var li = await host.UserClientAsync("liming");
        var admin = await host.AdminClientAsync();
        var liId = (await li.GetAnswer("/api/users")).Json.GetProperty("Data")[0].GetProperty("id").GetInt64();
        var adminId = (await admin.GetAnswer("/api/users")).Json.GetProperty("Data")[0].GetProperty("id").GetInt64();

        var update = await Answer.Of(await li.PutAsJsonAsync("/api/users", new Dictionary<string, object>
        {
            ["id"] = liId, ["Usr_Name"] = "li.ming", ["Usr_Email"] = "li@example.com", ["Usr_City"] = "常州市", ["Usr_Province"] = "江苏省",
        }));
        update.ErrNo.ShouldBe("0");
        var profile = (await li.GetAnswer("/api/users")).Json.GetProperty("Data")[0];
        profile.GetProperty("Usr_Name").GetString().ShouldBe("li.ming");
        profile.GetProperty("Usr_City").GetString().ShouldBe("常州市");

        var other = await Answer.Of(await li.PutAsJsonAsync("/api/users", new Dictionary<string, object>
        {
            ["id"] = adminId, ["Usr_Name"] = "hijack", ["Usr_Email"] = "h@example.com",
        }));
        other.ErrNo.ShouldBe("4105");
        (await li.GetAnswer($"/api/users?id={adminId}")).ErrNo.ShouldBe("4105");
        (await admin.GetAnswer($"/api/users?id={liId}")).Json.GetProperty("Data")[0].GetProperty("Usr_Email").GetString().ShouldBe("li@example.com");
        (await host.LoggedInClientAsync("li.ming", Scenarios.Password)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Auditors_read_a_users_stream_without_any_hash_in_it()
    {
        using var host = new EnergyHost();
        var admin = await host.AdminClientAsync();
        var id = (await admin.GetAnswer("/api/users")).Json.GetProperty("Data")[0].GetProperty("id").GetInt64();

        var audit = await admin.GetAnswer($"/api_3/audit/streams/user-{id}");

        audit.ErrNo.ShouldBe("0");
        var types = audit.Json.GetProperty("Data").EnumerateArray().Select(e => e.GetProperty("Event_Type").GetString()).ToList();
        types.ShouldContain("UserRegistered");
        types.ShouldContain("SessionStarted");
        audit.Body.ShouldNotContain("PasswordHash");
        audit.Body.ShouldNotContain("TokenHash");
        audit.Body.ShouldContain("admin@example.com");
        (await (await host.UserClientAsync("auditee")).GetAnswer($"/api_3/audit/streams/user-{id}")).ErrNo.ShouldBe("4105");
    }
}
