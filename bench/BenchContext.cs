using System.Diagnostics;
using System.Net.Http.Headers;
using Npgsql;

namespace Energy.Bench;

/// <summary>What every benchmark shares: the sizes, the database, the running service and an HTTP client for it.</summary>
public sealed class BenchContext(BenchSizes sizes, NpgsqlDataSource dataSource, ServiceProcess service, HttpClient client)
{
    public BenchSizes Sizes { get; } = sizes;

    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ServiceProcess Service { get; } = service;

    /// <summary>Measured batched ingest rate (readings/s), which the lag run paces itself from.</summary>
    public double? BatchedReadingsPerSecond { get; set; }

    public double? SinglePushesPerSecond { get; set; }

    public PhaseProfile Profile { get; set; } = null!;

    /// <summary>Lines printed under the table: per-round figures and where the time goes.</summary>
    public List<string> Details { get; } = [];

    public static HttpClient CreateClient(Uri baseAddress, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>
    /// Sends every body to /api/bbi/push from <paramref name="concurrency"/> workers; stops early at the time limit.
    /// Returns the number acknowledged (200) and the elapsed time; any other answer fails the run.
    /// </summary>
    public async Task<(int Sent, TimeSpan Elapsed)> PushAllAsync(IReadOnlyList<string> bodies, int concurrency, TimeSpan limit, CancellationToken ct)
    {
        var next = -1;
        var sent = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count && stopwatch.Elapsed < limit)
            {
                await PushAsync(bodies[i], ct);
                Interlocked.Increment(ref sent);
            }
        });
        await Task.WhenAll(workers);
        return (sent, stopwatch.Elapsed);
    }

    public async Task PushAsync(string body, CancellationToken ct)
    {
        using var content = new StringContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(new Uri("api/bbi/push", UriKind.Relative), content, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"push answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    /// <summary>Waits (bounded) until the energy projection has applied everything appended so far.</summary>
    public async Task WaitForEnergyAsync(TimeSpan limit, CancellationToken ct)
    {
        var target = await ScalarAsync("SELECT coalesce(max(seq_id), 0) FROM mt_events", ct);
        var stopwatch = Stopwatch.StartNew();
        while (await ScalarAsync("SELECT coalesce((SELECT last_seq_id FROM mt_event_progression WHERE name = 'energy:All'), 0)", ct) < target && stopwatch.Elapsed < limit)
        {
            await Task.Delay(50, ct);
        }
    }

    /// <summary>
    /// Waits (bounded) until every projection and reactor has applied everything appended so far, so one phase's
    /// backlog does not run into the next; returns the names still behind when the limit came.
    /// </summary>
    public async Task<string> WaitForAllProjectionsAsync(TimeSpan limit, CancellationToken ct)
    {
        var target = await ScalarAsync("SELECT coalesce(max(seq_id), 0) FROM mt_events", ct);
        var stopwatch = Stopwatch.StartNew();
        string behind;
        while ((behind = await BehindAsync(target, ct)).Length > 0 && stopwatch.Elapsed < limit)
        {
            await Task.Delay(100, ct);
        }

        if (behind.Length > 0)
        {
            Details.Add($"still behind after waiting {limit.TotalSeconds:0} s for the projections: {behind}");
        }

        return behind;
    }

    private async Task<string> BehindAsync(long target, CancellationToken ct)
    {
        await using var cmd = DataSource.CreateCommand(
            "SELECT coalesce(string_agg(name || ' ' || ($1 - last_seq_id) || ' events', ', '), '') FROM (SELECT c.name, coalesce(p.last_seq_id, 0) AS last_seq_id FROM projection_control c LEFT JOIN mt_event_progression p ON p.name = c.name || ':All') f WHERE last_seq_id < $1");
        cmd.Parameters.Add(new() { Value = target });
        return (string)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public async Task<Dictionary<string, long?>> MaxSeqByStreamAsync(string[] streams, CancellationToken ct)
    {
        await using var cmd = DataSource.CreateCommand("SELECT stream_id, max(seq_id) FROM mt_events WHERE stream_id = ANY($1) GROUP BY stream_id");
        cmd.Parameters.Add(new() { Value = streams });
        var seqs = new Dictionary<string, long?>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            seqs[reader.GetString(0)] = reader.GetInt64(1);
        }

        return seqs;
    }

    public async Task<long> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        return await cmd.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt64(value) : 0;
    }

    public async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>How big each run is (quick mode for development and a loaded machine; full mode for the targets' sizes).</summary>
public sealed record BenchSizes(
    bool Quick,
    int Devices,
    int ReadingsPerPush,
    int IngestRounds,
    int SinglePushes,
    int Concurrency,
    TimeSpan LagDuration,
    long RebuildEvents,
    int QueryMeters,
    int QueryDays,
    int QueryRuns,
    TimeSpan PhaseLimit)
{
    public static BenchSizes For(bool quick) => quick
        ? new(true, 1000, 60, 2, 2000, 16, TimeSpan.FromSeconds(20), 50_000, 50, 365, 30, TimeSpan.FromMinutes(3))
        : new(false, 1000, 60, 5, 20_000, 16, TimeSpan.FromSeconds(120), 5_000_000, 1000, 365, 200, TimeSpan.FromMinutes(30));

    public string Describe() =>
        $"{(Quick ? "quick" : "full")}: {Devices} devices × {ReadingsPerPush} readings/push × {IngestRounds} rounds, {SinglePushes} single pushes, " +
        $"concurrency {Concurrency}, lag run {LagDuration.TotalSeconds:0} s, rebuild over ≥ {RebuildEvents:N0} events, " +
        $"query {QueryMeters} meters × {QueryDays} days (15-min), {QueryRuns} runs";
}
