using Spectre.Console;

namespace Energy.Bench;

/// <summary>Runs the selected benchmarks in order and prints the one table; a figure that failed or was not run says so.</summary>
public static class BenchRun
{
    public static readonly HashSet<string> All = ["ingest", "single", "marten", "lag", "rebuild", "query", "memory"];

    private static readonly (string Key, string Name, string Compared, string Target)[] Rows =
    [
        ("ingest", "batched push ingest", "HTTP pushes of 60 readings vs binary COPY of the same rows", "≥ 50%"),
        ("single", "single-reading push", "pushes of 1 reading vs single-row INSERTs, same concurrency", "≥ 60%"),
        ("marten", "Marten append", "the service's pushes vs Marten's raw Quick append of the same readings", "reported"),
        ("lag", "projection lag", "push 200 → visible in the energy read model (its shard's floor in mt_event_progression)", "p99 < 1 s"),
        ("rebuild", "rebuild", "energy projection rebuild, events/s", "≥ 30k events/s"),
        ("query", "query", "year totals by department via IConsumptionReader vs GROUP BY over raw readings", "p99 < 50 ms; ≥ 100×"),
        ("memory", "memory", "peak RSS of the service (VmHWM) during the run", "< 500 MB"),
    ];

    public static async Task ExecuteAsync(BenchContext bench, HashSet<string> run, Dictionary<string, List<Figure>> figures, CancellationToken ct)
    {
        await StepAsync("ingest", run, figures, bench, async () => await IngestBench.RunBatchedAsync(bench, ct));
        await StepAsync("single", run, figures, bench, async () => await IngestBench.RunSingleAsync(bench, ct));
        await StepAsync("marten", run, figures, bench, async () => await MartenAppendBench.RunAsync(bench, bench.DataSource.ConnectionString, ct));
        await StepAsync("lag", run, figures, bench, async () => await LagBench.RunAsync(bench, ct));
        figures["memory"] = [MemoryFigure(bench)];
        await StepAsync("rebuild", run, figures, bench, async () => [await RebuildBench.RunAsync(bench, ct)]);
        await StepAsync("query", run, figures, bench, async () => [await QueryBench.RunAsync(bench, ct)]);
    }

    private static async Task StepAsync(string key, HashSet<string> run, Dictionary<string, List<Figure>> figures, BenchContext bench, Func<Task<List<Figure>>> step)
    {
        if (!run.Contains(key))
        {
            return;
        }

        AnsiConsole.MarkupLine($"[grey]{DateTime.Now:HH:mm:ss}[/] {key} …");
        try
        {
            figures[key] = await step();
        }
        catch (OperationCanceledException)
        {
            // The run's time limit: the figures measured so far are still printed; this one says why it is missing.
            bench.Details.Add($"{key} not measured: the run's time limit was reached");
        }
        catch (Exception e)
        {
            bench.Details.Add($"{key} failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private static Figure MemoryFigure(BenchContext bench)
    {
        var peak = bench.Service.PeakRssBytes() / (1024.0 * 1024.0);
        return new Figure("memory", "peak RSS (VmHWM) of the service process over ingest, single pushes and the lag runs", $"{peak:N0} MB", "500 MB", $"{peak / 500:P0}", "< 500 MB", peak < 500);
    }

    public static void Print(Dictionary<string, List<Figure>> figures, List<string> notes, TimeSpan elapsed)
    {
        var table = new Table().AddColumns("figure", "what is compared", "measured", "baseline", "ratio", "target", "met");
        foreach (var (key, name, compared, target) in Rows)
        {
            var rows = figures.GetValueOrDefault(key) ?? [Figure.NotMeasured(name, compared, target, "–")];
            foreach (var f in rows)
            {
                table.AddRow(Markup.Escape(f.Name), Markup.Escape(f.Compared), Markup.Escape(f.Measured), Markup.Escape(f.Baseline),
                    Markup.Escape(f.Ratio), Markup.Escape(f.Target), f.Met switch { true => "[green]yes[/]", false => "[red]no[/]", null => "–" });
            }
        }

        AnsiConsole.Write(table);
        foreach (var note in notes)
        {
            AnsiConsole.WriteLine("  " + note);
        }

        AnsiConsole.WriteLine($"  total {elapsed.TotalMinutes:0.0} min");
    }
}
