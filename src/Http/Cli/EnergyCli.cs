using System.CommandLine;
using Spectre.Console;

namespace Energy.Http.Cli;

/// <summary>
/// The operators' command line on the service's own binary (issue 7): <c>projections</c>, <c>events</c> and
/// <c>streams</c> commands against the same database the service uses. Exit codes: 0 done, 1 failed or bad
/// usage, 2 an unknown (or refused) name.
/// </summary>
public static class EnergyCli
{
    public const int UnknownName = 2;

    private static readonly string[] HelpNames = ["--help", "-h", "-?", "--version"];

    /// <summary>
    /// Whether these arguments are a CLI command rather than options for the web host. The host takes only options
    /// (<c>--urls …</c>, <c>/key value</c>) and <c>key=value</c> settings, so any other first word is a verb — a
    /// known one runs, an unknown one (<c>bogus</c>) is a usage error with exit code 1 instead of starting a second
    /// service (issue 17).
    /// </summary>
    public static bool Handles(IReadOnlyList<string> args) =>
        args.Count > 0 && args[0] != "codegen" && (HelpNames.Contains(args[0]) || IsVerb(args[0]));

    private static bool IsVerb(string arg) =>
        arg.Length > 0 && arg[0] is not ('-' or '/') && !arg.Contains('=', StringComparison.Ordinal);

    /// <summary>Runs one command, writing to <paramref name="output"/>; returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, IConfiguration? overrides = null, Action<IServiceCollection>? services = null, CancellationToken ct = default) =>
        RunAsync(args, ConsoleFor(output), overrides, services, ct);

    public static Task<int> RunAsync(string[] args, IAnsiConsole console, IConfiguration? overrides = null, Action<IServiceCollection>? services = null, CancellationToken ct = default)
    {
        var cli = new CliContext(console, overrides, services);
        var root = new RootCommand("Energy.EventSourced. Without a command it runs the HTTP service; with one it runs an operator's command against the same database.")
        {
            ProjectionsCommand.Create(cli),
            EventsCommand.Create(cli),
            StreamsCommand.Create(cli),
        };
        var writer = console.Profile.Out.Writer;
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = writer, Error = writer }, ct);
    }

    private static IAnsiConsole ConsoleFor(TextWriter output)
    {
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        {
            return AnsiConsole.Console;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

        // A writer (or a pipe) has no window to measure; Spectre's 80 columns would wrap every table.
        console.Profile.Width = 200;
        return console;
    }
}
