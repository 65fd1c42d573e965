using Energy.Http.Cli;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Operations;

/// <summary>The CLI entry in-process against the test host's database, asserting on what an operator would read.</summary>
public sealed class CliTests
{
    private static async Task<(int Code, string Output)> RunAsync(OpsHost host, params string[] args)
    {
        using var output = new StringWriter();
        var code = await EnergyCli.RunAsync(args, output, host.CliConfiguration, TestProcessors.Register);
        return (code, output.ToString());
    }

    [Fact]
    public async Task Projections_list_prints_a_table_of_every_processor_and_inline_projection()
    {
        using var host = new OpsHost();
        await host.AdminClientAsync();
        await host.CatchUpAsync(RegistrationNotes.ProjectionName);

        var (code, output) = await RunAsync(host, "projections", "list");

        code.ShouldBe(0, output);
        output.ShouldContain("High water");
        output.ShouldContain(RegistrationNotes.ProjectionName);
        output.ShouldContain(QuietReactor.ReactorName);
        output.ShouldContain("reactor");
        output.ShouldContain("inline");
        output.ShouldContain("running");
    }

    [Fact]
    public async Task Streams_show_prints_the_events_with_their_data_but_no_secret()
    {
        using var host = new OpsHost();
        var admin = await host.AdminClientAsync();
        var id = (await admin.GetAnswer("/api/users")).Json.GetProperty("Data")[0].GetProperty("id").GetInt64();

        var (code, output) = await RunAsync(host, "streams", "show", $"user-{id}");

        code.ShouldBe(0, output);
        output.ShouldContain("UserRegistered");
        output.ShouldContain("SessionStarted");
        output.ShouldContain("admin@example.com");
        output.ShouldNotContain("PasswordHash");
        output.ShouldNotContain("TokenHash");
    }

    [Fact]
    public async Task Projections_rebuild_shows_progress_until_the_new_tables_are_live()
    {
        using var host = new OpsHost();
        await host.UserClientAsync("rebuilt");
        await host.CatchUpAsync(RegistrationNotes.ProjectionName);

        var (code, output) = await RunAsync(host, "projections", "rebuild", RegistrationNotes.ProjectionName);

        code.ShouldBe(0, output);
        output.ShouldContain($"rebuild {RegistrationNotes.ProjectionName}");
        output.ShouldContain("100%");
        output.ShouldContain("the new tables are live");
        var after = await RunAsync(host, "projections", "status", RegistrationNotes.ProjectionName);
        after.Output.ShouldContain("running");
    }

    [Fact]
    public async Task Rebuilding_an_unknown_name_says_so_and_exits_with_2()
    {
        using var host = new OpsHost();

        var (code, output) = await RunAsync(host, "projections", "rebuild", "no_such_projection");

        code.ShouldBe(2);
        output.ShouldContain("No projection is named 'no_such_projection'");
        output.ShouldContain(RegistrationNotes.ProjectionName);
        (await RunAsync(host, "projections", "rebuild", QuietReactor.ReactorName)).Code.ShouldBe(2);
    }

    [Fact]
    public async Task Events_tail_prints_the_latest_events()
    {
        using var host = new OpsHost();
        await host.AdminClientAsync();

        var (code, output) = await RunAsync(host, "events", "tail", "--count", "1");

        code.ShouldBe(0, output);
        output.ShouldContain("SessionStarted");
        output.ShouldNotContain("UserRegistered");
    }
}
