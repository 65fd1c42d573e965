using System.Diagnostics;
using Energy.Bench;
using Energy.Http.Hosting.Embedded;
using Npgsql;
using Spectre.Console;

// `dotnet run -c Release --project bench -- all --quick`: a private PostgreSQL cluster in a fresh temp folder,
// the real service as a child process on 127.0.0.1, each figure measured against its baseline in the same run,
// one table. The cluster's data is deleted at the end.
var quick = args.Contains("--quick");
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 220;
}

var selected = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var run = selected == "all" ? BenchRun.All : selected.Split(',').ToHashSet();
var sizes = BenchSizes.For(quick);
using var cancel = new CancellationTokenSource(quick ? TimeSpan.FromMinutes(10) : TimeSpan.FromHours(3));
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var ct = cancel.Token;

AnsiConsole.MarkupLine($"[bold]Energy.Bench[/] {Markup.Escape(sizes.Describe())}");
var total = Stopwatch.StartNew();
var figures = new Dictionary<string, List<Figure>>();
var notes = new List<string>();
var dataDirectory = Path.Combine(Path.GetTempPath(), $"energy-bench-{Guid.NewGuid():N}", "pg");
try
{
    await using (var postgres = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = dataDirectory, Database = "energy_bench", DeleteDataOnStop = true,
        // Per-statement server times for the profile lines (same overhead for the service and the baselines).
        ExtraServerSettings = new Dictionary<string, string> { ["shared_preload_libraries"] = "pg_stat_statements" } }))
    {
        await postgres.StartAsync(ct);
        notes.Add($"PostgreSQL {await ServerVersionAsync(postgres.ConnectionString, ct)} (embedded, default settings, fresh data directory)");
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { MaxPoolSize = 64 }.ConnectionString);
        await using var service = await ServiceProcess.StartAsync(postgres.ConnectionString, ct);
        notes.Add($"service start: first answer {service.StartedAfter.TotalMilliseconds:F0} ms after the process started; that first request took {service.FirstAnswerTook.TotalMilliseconds:F1} ms");
        using var client = BenchContext.CreateClient(service.BaseAddress, sizes.Concurrency * 2);
        var bench = new BenchContext(sizes, dataSource, service, client);
        await bench.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", ct);
        bench.Profile = new PhaseProfile(bench, PhaseProfile.PostmasterPid(postgres.DataDirectory));
        try
        {
            await BenchRun.ExecuteAsync(bench, run, figures, ct);
        }
        finally
        {
            notes.AddRange(bench.Details);
            await service.DisposeAsync();
        }
    }
}
finally
{
    // The cluster deletes its data directory when disposed; this removes the folder around it (also after a failure).
    if (Directory.Exists(Path.GetDirectoryName(dataDirectory)))
    {
        Directory.Delete(Path.GetDirectoryName(dataDirectory)!, recursive: true);
    }
}

BenchRun.Print(figures, notes, total.Elapsed);
return 0;

static async Task<string> ServerVersionAsync(string connectionString, CancellationToken ct)
{
    await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
    await connection.OpenAsync(ct);
    return connection.PostgreSqlVersion.ToString();
}
