using Energy.Http.Cli;

namespace Energy.Http.Tests.Operations;

/// <summary>
/// Issue 17: <c>dotnet run --project src/Http -- bogus</c> started a second full service (binding the port, adopting the
/// cluster). Every first word that is not an option or a <c>key=value</c> setting is a verb, and an unknown one is a
/// usage error with exit code 1 that touches no database.
/// </summary>
public sealed class CliVerbTests
{
    [Theory]
    [InlineData("bogus")]
    [InlineData("projection")]
    [InlineData("run")]
    public async Task An_unknown_verb_is_a_usage_error_with_exit_code_1(string verb)
    {
        EnergyCli.Handles([verb]).ShouldBeTrue("Program must hand it to the CLI, not to the web host");
        using var output = new StringWriter();

        var code = await EnergyCli.RunAsync([verb], output);

        code.ShouldBe(1, output.ToString());
        output.ToString().ShouldContain(verb);
    }

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:5099")]
    [InlineData("Energy:TimeZone=UTC")]
    [InlineData("/Energy:Daemon:Enabled", "false")]
    public void Options_and_settings_for_the_web_host_still_start_the_service(params string[] args)
    {
        EnergyCli.Handles(args).ShouldBeFalse();
    }

    [Theory]
    [InlineData("projections")]
    [InlineData("--help")]
    public void Known_verbs_and_help_are_the_cli(string verb)
    {
        EnergyCli.Handles([verb]).ShouldBeTrue();
    }
}
