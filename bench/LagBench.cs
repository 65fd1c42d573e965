using System.Collections.Concurrent;
using System.Diagnostics;

namespace Energy.Bench;

/// <summary>
/// Pushes at a fixed rate and times each push from its 200 to the moment the energy projection's floor covers
/// its events. Each push is one new device, so its stream (and highest seq_id) is known; the floor is polled
/// every 20 ms. Two runs: at half the measured batched rate (a rate this machine holds), and at the target's
/// 10k readings/s when that is more, to show what happens there.
/// </summary>
public static class LagBench
{
    private const double TargetReadingsPerSecond = 10_000;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public static async Task<List<Figure>> RunAsync(BenchContext bench, CancellationToken ct)
    {
        var held = Math.Min(TargetReadingsPerSecond, 0.5 * (bench.BatchedReadingsPerSecond ?? 2_000));
        var run = await PacedAsync(bench, held, "L", ct);
        var figures = new List<Figure>
        {
            new("projection lag", $"push 200 → energy floor covers it, at {run.Achieved:N0} readings/s sustained",
                $"p50 {run.P50:N0} ms / p99 {run.P99:N0} ms", "1000 ms", $"{run.P99 / 1000:P0}", "p99 < 1 s", run.P99 < 1000),
            new("lag over the run", $"p99 lag of the last fifth of the pushes vs the first fifth ({run.Seconds:0} s run)",
                $"p99 {run.LateP99:N0} ms", $"p99 {run.EarlyP99:N0} ms", $"{run.LateP99 / run.EarlyP99:P0}", "holds (last p99 < 1 s)", run.LateP99 < 1000),
        };
        if (held < TargetReadingsPerSecond)
        {
            var target = await PacedAsync(bench, TargetReadingsPerSecond, "LT", ct);
            figures.Add(new("lag at 10k readings/s", $"the same offered at the target's {TargetReadingsPerSecond:N0} readings/s (achieved {target.Achieved:N0}/s); last fifth p99 {target.LateP99:N0} ms",
                $"p50 {target.P50:N0} ms / p99 {target.P99:N0} ms", "1000 ms", $"{target.P99 / 1000:P0}", "p99 < 1 s", target.P99 < 1000));
        }

        return figures;
    }

    private sealed record LagRun(double Achieved, double Seconds, double P50, double P99, double EarlyP99, double LateP99);

    private static async Task<LagRun> PacedAsync(BenchContext bench, double readingsPerSecond, string prefix, CancellationToken ct)
    {
        var sizes = bench.Sizes;
        var pushesPerSecond = readingsPerSecond / sizes.ReadingsPerPush;
        var count = (int)(pushesPerSecond * sizes.LagDuration.TotalSeconds);
        var bodies = Enumerable.Range(0, count).Select(k => PushBodies.Push(PushBodies.Device(prefix, k), $"{prefix.ToLowerInvariant()}-{k}", 0, sizes.ReadingsPerPush)).ToList();
        await bench.WaitForAllProjectionsAsync(IngestBench.Wait(sizes), ct);

        var acked = new ConcurrentQueue<(int Push, long AckedAt)>();
        var inFlight = new SemaphoreSlim(sizes.Concurrency * 2);
        var clock = Stopwatch.StartNew();
        var sender = Task.Run(async () =>
        {
            var pushes = new List<Task>();
            for (var k = 0; k < count && clock.Elapsed < sizes.PhaseLimit; k++)
            {
                var due = TimeSpan.FromSeconds(k / pushesPerSecond) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, ct);
                }

                await inFlight.WaitAsync(ct);
                var push = k;
                pushes.Add(Task.Run(async () =>
                {
                    try
                    {
                        await bench.PushAsync(bodies[push], ct);
                        acked.Enqueue((push, clock.ElapsedTicks));
                    }
                    finally
                    {
                        inFlight.Release();
                    }
                }, ct));
            }

            await Task.WhenAll(pushes);
            return clock.Elapsed;
        }, ct);

        var byPush = await WatchAsync(bench, acked, sender, clock, prefix, sizes.PhaseLimit, ct);
        var sendTime = await sender;
        var lags = byPush.Select(l => l.Lag).Order().ToList();
        var achieved = lags.Count * sizes.ReadingsPerPush / sendTime.TotalSeconds;
        var (p50, p99) = (Percentile(lags, 0.50), Percentile(lags, 0.99));
        bench.Details.Add($"lag: {lags.Count} pushes of {sizes.ReadingsPerPush} readings paced at {readingsPerSecond:N0} readings/s (achieved {achieved:N0}/s over {sendTime.TotalSeconds:0} s); " +
            $"lag p50 {p50:N0} ms, p99 {p99:N0} ms, max {lags.LastOrDefault():N0} ms (includes ≤ 20 ms polling)");

        // Does lag hold as the run goes on (the log grows by every push)? The first fifth of the pushes against the last.
        var fifth = Math.Max(1, byPush.Count / 5);
        var ordered = byPush.OrderBy(l => l.Push).ToList();
        var early = ordered.Take(fifth).Select(l => l.Lag).Order().ToList();
        var late = ordered.TakeLast(fifth).Select(l => l.Lag).Order().ToList();
        var (earlyP99, lateP99) = (Percentile(early, 0.99), Percentile(late, 0.99));
        bench.Details.Add($"  over the run: first fifth p50 {Percentile(early, 0.5):N0} ms p99 {earlyP99:N0} ms, last fifth p50 {Percentile(late, 0.5):N0} ms p99 {lateP99:N0} ms");
        return new LagRun(achieved, sendTime.TotalSeconds, p50, p99, earlyP99, lateP99);
    }

    private static async Task<List<(int Push, double Lag)>> WatchAsync(BenchContext bench, ConcurrentQueue<(int Push, long AckedAt)> acked, Task sender, Stopwatch clock, string prefix, TimeSpan limit, CancellationToken ct)
    {
        var lags = new List<(int Push, double Lag)>();
        var pending = new List<(int Push, string Stream, long AckedAt, long? Seq)>();
        var deadline = clock.Elapsed + limit + TimeSpan.FromMinutes(1);
        while ((!sender.IsCompleted || pending.Count > 0 || !acked.IsEmpty) && clock.Elapsed < deadline)
        {
            while (acked.TryDequeue(out var a))
            {
                pending.Add((a.Push, StreamOf(prefix, a.Push), a.AckedAt, null));
            }

            var unresolved = pending.Where(p => p.Seq is null).Select(p => p.Stream).ToArray();
            var seqs = unresolved.Length == 0 ? new Dictionary<string, long?>() : await bench.MaxSeqByStreamAsync(unresolved, ct);
            var floor = await bench.ScalarAsync("SELECT coalesce((SELECT last_seq_id FROM mt_event_progression WHERE name = 'energy:All'), 0)", ct);
            var now = clock.ElapsedTicks;
            for (var i = pending.Count - 1; i >= 0; i--)
            {
                var p = pending[i];
                var seq = p.Seq ?? (seqs.TryGetValue(p.Stream, out var s) ? s : null);
                if (seq is { } known && known <= floor)
                {
                    lags.Add((p.Push, (now - p.AckedAt) * 1000.0 / Stopwatch.Frequency));
                    pending.RemoveAt(i);
                }
                else
                {
                    pending[i] = p with { Seq = seq };
                }
            }

            await Task.Delay(Poll, ct);
        }

        return lags;
    }

    private static string StreamOf(string prefix, int push) => $"readings-{PushBodies.Device(prefix, push)}-{PushBodies.Origin:yyyyMMdd}";

    public static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
