using System.Diagnostics;
using Energy.Application.EventStore;
using Spectre.Console;

namespace Energy.Http.Cli;

/// <summary>
/// <c>projections rebuild &lt;name&gt;</c>. An asynchronous projection is rebuilt blue/green by whichever host takes the request up:
/// this process runs a daemon too, so when no service is running it does the work itself. Inline projections
/// are replayed here and now, in one transaction.
/// </summary>
internal static class ProjectionRebuild
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public static async Task<int> RunAsync(CliContext cli, string name, CancellationToken ct)
    {
        await using var host = await cli.StartHostAsync(daemon: true, ct);
        var inline = host.Get<InlineProjectionRebuild>();
        var clock = Stopwatch.StartNew();
        if (inline.Names.Contains(name))
        {
            var replayed = await inline.RebuildAsync(name, ct);
            cli.Console.MarkupLineInterpolated($"Rebuilt inline projection [bold]{name}[/]: {replayed:N0} events replayed in {clock.Elapsed.TotalSeconds:0.0} s");
            return 0;
        }

        var processor = host.Get<ProcessorCatalog>().Find(name);
        if (processor is null)
        {
            return cli.Unknown("projection", name, host.Get<ProcessorCatalog>().All.Select(p => p.Name).Concat(inline.Names));
        }

        if (processor.Kind == ProcessorKind.Reactor)
        {
            cli.Console.MarkupLineInterpolated($"[red]{name} is a reactor;[/] reactors are never replayed, since that would repeat their effects.");
            return EnergyCli.UnknownName;
        }

        var operations = host.Get<ProjectionOperations>();
        if (!await operations.RequestRebuildAsync(name, ct))
        {
            cli.Console.MarkupLineInterpolated($"[red]{name} has no control row[/]: the schema of this database predates it; start the service once.");
            return 1;
        }

        var status = await ShowProgressAsync(cli.Console, operations, name, ct);
        if (status.State == ProcessorState.Failed)
        {
            cli.Console.MarkupLineInterpolated($"[red]Rebuild of {name} failed:[/] {status.LastError}. The live tables keep serving.");
            return 1;
        }

        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        cli.Console.MarkupLineInterpolated($"Rebuilt [bold]{name}[/] up to sequence {status.Floor:N0} in {seconds:0.0} s ({status.Floor / seconds:N0} events/s); the new tables are live.");
        return 0;
    }

    private static async Task<ProjectionStatus> ShowProgressAsync(IAnsiConsole console, ProjectionOperations operations, string name, CancellationToken ct)
    {
        if (console.Profile.Capabilities.Interactive)
        {
            return await ShowProgressBarAsync(console, operations, name, ct);
        }

        // A pipe or a log file gets a line a second instead of a redrawn bar.
        var status = await operations.WaitForRebuildAsync(name, new ProgressLines(console, $"rebuild {name}"), Poll, ct);
        console.WriteLine($"rebuild {name}: {status.Floor:N0}/{status.Floor:N0} 100%");
        return status;
    }

    private static Task<ProjectionStatus> ShowProgressBarAsync(IAnsiConsole console, ProjectionOperations operations, string name, CancellationToken ct) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new EventsPerSecondColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"rebuild {name}", maxValue: 1);
                var status = await operations.WaitForRebuildAsync(name, new Reporter(task), Poll, ct);
                task.MaxValue = Math.Max(1, status.Floor);
                task.Value = task.MaxValue;
                return status;
            });

    /// <summary>Reports straight onto the task: <see cref="Progress{T}"/> would post to the thread pool, out of order.</summary>
    private sealed class Reporter(ProgressTask task) : IProgress<(long Floor, long Target)>
    {
        public void Report((long Floor, long Target) value)
        {
            task.MaxValue = Math.Max(1, value.Target);
            task.Value = Math.Min(value.Floor, task.MaxValue);
        }
    }
}
