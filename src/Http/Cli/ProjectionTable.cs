using System.Globalization;
using Energy.Application.EventStore;
using Spectre.Console;

namespace Energy.Http.Cli;

/// <summary><c>projections list</c> and <c>status</c>: the operators' table of every processor, as the ops endpoint reports it.</summary>
internal static class ProjectionTable
{
    public static async Task<int> ShowAsync(CliContext cli, string? name, CancellationToken ct)
    {
        await using var host = await cli.StartHostAsync(daemon: false, ct);
        var statuses = await host.Get<ProjectionOperations>().StatusAsync(ct);
        var inline = host.Get<InlineProjectionRebuild>().Names;
        var highWater = statuses.Count > 0 ? statuses[0].HighWater : 0;
        var rows = statuses
            .Concat(inline.Select(n => new ProjectionStatus(n, "inline", highWater, highWater, 0, 0, ProcessorState.Running, 0, null, null, null, null)))
            .Where(s => name is null || s.Name == name)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        if (name is not null && rows.Count == 0)
        {
            return cli.Unknown("projection or reactor", name, statuses.Select(s => s.Name).Concat(inline));
        }

        var table = new Table().AddColumns("Name", "Kind", "State", "Floor", "High water", "Lag (events)", "Lag (s)", "Dead letters", "Heartbeat age (s)");
        foreach (var s in rows)
        {
            table.AddRow(Text(s.Name), Text(s.Kind), Text(StateOf(s)), Number(s.Floor), Number(s.HighWater), Number(s.LagEvents),
                Seconds(s.LagSeconds), Number(s.DeadLetters), Seconds(s.HeartbeatAgeSeconds));
        }

        cli.Console.Write(table);
        foreach (var s in rows.Where(s => name is not null && s.LastError is not null))
        {
            cli.Console.MarkupLineInterpolated($"[red]Last error of {s.Name}:[/] {s.LastError}");
        }

        return 0;
    }

    private static string StateOf(ProjectionStatus s) => s is { RebuildFloor: { } floor, RebuildTarget: { } target }
        ? $"{s.State} {floor:N0}/{target:N0}"
        : s.State;

    private static Text Text(string value) => new(value);

    private static Text Number(long value) => new(value.ToString("N0", CultureInfo.InvariantCulture)) { Justification = Justify.Right };

    private static Text Seconds(double? value) =>
        new(value is null ? "-" : value.Value.ToString("0.0", CultureInfo.InvariantCulture)) { Justification = Justify.Right };
}
