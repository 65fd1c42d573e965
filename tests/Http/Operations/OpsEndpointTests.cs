using Energy.Domain.Users;
using Energy.Application.EventStore;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Operations;

public sealed class OpsEndpointTests
{
    private static async Task<Dictionary<string, System.Text.Json.JsonElement>> ProcessorsAsync(HttpClient admin)
    {
        var answer = await admin.GetAnswer("/api_3/ops/projections");
        answer.ErrNo.ShouldBe("0", answer.Body);
        return answer.Json.GetProperty("Data").EnumerateArray().ToDictionary(p => p.GetProperty("Name").GetString()!);
    }

    [Fact]
    public async Task The_ops_list_shows_every_processor_with_its_floor_and_state_and_the_inline_projections()
    {
        using var host = new OpsHost();
        var admin = await host.AdminClientAsync();
        await host.CatchUpAsync(RegistrationNotes.ProjectionName);

        var processors = await ProcessorsAsync(admin);

        var notes = processors[RegistrationNotes.ProjectionName];
        notes.GetProperty("Kind").GetString().ShouldBe("projection");
        notes.GetProperty("State").GetString().ShouldBe("running");
        notes.GetProperty("Floor").GetInt64().ShouldBeGreaterThan(0);
        notes.GetProperty("Floor").GetInt64().ShouldBe(notes.GetProperty("High_Water").GetInt64());
        notes.GetProperty("Lag_Events").GetInt64().ShouldBe(0);
        processors[QuietReactor.ReactorName].GetProperty("Kind").GetString().ShouldBe("reactor");
        processors["users"].GetProperty("Kind").GetString().ShouldBe("inline");
    }

    [Fact]
    public async Task Only_an_administrator_may_rebuild_and_never_a_reactor_or_an_unknown_name()
    {
        using var host = new OpsHost();
        var user = await host.UserClientAsync("operator");
        var admin = await host.AdminClientAsync();

        (await user.PostJson($"/api_3/ops/projections/{RegistrationNotes.ProjectionName}/rebuild", "{}")).ErrNo.ShouldBe("4105");
        (await admin.PostJson($"/api_3/ops/projections/{QuietReactor.ReactorName}/rebuild", "{}")).ErrNo.ShouldBe("4004");
        (await admin.PostJson("/api_3/ops/projections/no_such_projection/rebuild", "{}")).ErrNo.ShouldBe("4002");
        (await admin.PostJson($"/api_3/ops/projections/{RegistrationNotes.ProjectionName}/rebuild", "{}")).ErrNo.ShouldBe("0");
    }

    [Fact]
    public async Task A_poisoned_event_shows_in_dead_letters_and_the_projection_keeps_going_past_it()
    {
        using var host = new OpsHost();
        var admin = await host.AdminClientAsync();
        await host.Store.AppendAsync(AppendRequest.To("user-999", ExpectedVersion.Any, [new SessionEnded(-1, Guid.NewGuid(), DateTimeOffset.UtcNow)]));
        await host.UserClientAsync("after_the_poison");

        await host.CatchUpAsync(RegistrationNotes.ProjectionName);

        var notes = (await ProcessorsAsync(admin))[RegistrationNotes.ProjectionName];
        notes.GetProperty("Dead_Letters").GetInt64().ShouldBe(1);
        notes.GetProperty("State").GetString().ShouldBe("running");
        notes.GetProperty("Lag_Events").GetInt64().ShouldBe(0);
        await using var conn = new Npgsql.NpgsqlConnection(host.ConnectionString);
        var streams = await Dapper.SqlMapper.QueryAsync<string>(conn, "SELECT stream_id FROM test_registration_notes");
        streams.Count(s => s.StartsWith("user-", StringComparison.Ordinal)).ShouldBe(2, "both registrations, before and after the poison, were applied");
    }
}
