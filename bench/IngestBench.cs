using System.Diagnostics;

namespace Energy.Bench;

/// <summary>
/// Batched pushes (60 readings each, one per device) vs a binary COPY of the very rows they stored; the rounds
/// repeat with the next hour's readings so a growing events table shows any slowdown; then single-reading
/// pushes vs single-row INSERTs of their rows at the same concurrency.
/// </summary>
public static class IngestBench
{
    public static async Task<List<Figure>> RunBatchedAsync(BenchContext bench, CancellationToken ct)
    {
        var sizes = bench.Sizes;
        var rates = new List<double>();
        Figure? first = null;
        var copyRate = 0d;
        // Warm-up (JIT tiers, connection pools, plans, table statistics) with other devices, not timed: one round's worth.
        await bench.PushAllAsync(Enumerable.Range(0, sizes.Devices).Select(d => PushBodies.Push(PushBodies.Device("W", d), $"w-{d}", 0, sizes.ReadingsPerPush)).ToList(), sizes.Concurrency, sizes.PhaseLimit, ct);
        for (var round = 0; round < sizes.IngestRounds; round++)
        {
            var bodies = Enumerable.Range(0, sizes.Devices)
                .Select(d => PushBodies.Push(PushBodies.Device("B", d), $"b{round}-{d}", round * sizes.ReadingsPerPush, sizes.ReadingsPerPush))
                .ToList();
            // Each round (and the COPY) starts with the projections caught up; during a round they run beside the pushes, as in service.
            await bench.WaitForAllProjectionsAsync(Wait(sizes), ct);
            var before = await bench.ScalarAsync("SELECT coalesce(max(seq_id), 0) FROM mt_events", ct);
            await bench.Profile.ResetStatementsAsync(ct);
            var cpu = bench.Profile.Sample();
            var (sent, elapsed) = await bench.PushAllAsync(bodies, sizes.Concurrency, sizes.PhaseLimit, ct);
            var after = await bench.ScalarAsync("SELECT coalesce(max(seq_id), 0) FROM mt_events", ct);
            var readings = (double)sent * sizes.ReadingsPerPush;
            bench.Details.Add($"ingest round {round + 1} " + (bench.Profile.Sample() - cpu).Per(sent, "push of " + sizes.ReadingsPerPush) + "; top statements:");
            bench.Details.AddRange(await bench.Profile.TopStatementsAsync(8, ct));
            var rate = readings / elapsed.TotalSeconds;
            rates.Add(rate);
            var eventsTable = await bench.ScalarAsync("SELECT count(*) FROM mt_events", ct);
            bench.Details.Add($"ingest round {round + 1}: {sent} pushes × {sizes.ReadingsPerPush} readings in {elapsed.TotalSeconds:0.0} s = {rate:N0} readings/s " +
                $"({sent / elapsed.TotalSeconds:N0} pushes/s); events table now {eventsTable:N0} rows");
            if (round > 0)
            {
                continue;
            }

            bench.BatchedReadingsPerSecond = rate;
            var rows = await EventRow.LoadAsync(bench.DataSource, before, after, ct);
            await EventRow.CreateTableAsync(bench.DataSource, "bench_events_copy", ct);
            await bench.WaitForAllProjectionsAsync(Wait(sizes), ct);
            var copyCpu = bench.Profile.Sample();
            var copy = Stopwatch.StartNew();
            await EventRow.CopyAsync(bench.DataSource, "bench_events_copy", rows, ct);
            copy.Stop();
            bench.Details.Add("COPY " + (bench.Profile.Sample() - copyCpu).Per(rows.Count / (double)sizes.ReadingsPerPush, sizes.ReadingsPerPush + " rows"));
            copyRate = rows.Count / copy.Elapsed.TotalSeconds;
            var ratio = rate / copyRate;
            bench.Details.Add($"COPY baseline: {rows.Count:N0} event rows (avg {rows.Average(r => r.Data.Length):N0} B of JSON) in {copy.Elapsed.TotalSeconds:0.00} s = {copyRate:N0} rows/s");
            first = new Figure("batched push ingest", $"HTTP pushes of {sizes.ReadingsPerPush} readings from {sizes.Devices} devices vs binary COPY of the same rows",
                $"{rate:N0} readings/s", $"{copyRate:N0} rows/s", $"{ratio:P0}", "≥ 50%", ratio >= 0.5);
            await bench.ExecuteAsync("DROP TABLE bench_events_copy", ct);
        }

        var figures = new List<Figure> { first! };
        if (rates.Count > 1)
        {
            var last = rates[^1] / rates[0];
            figures.Add(new Figure($"ingest {rates.Count}×", $"round {rates.Count} vs round 1 ingest rate as the events table grows ({string.Join(" → ", rates.Select(r => r.ToString("N0")))} readings/s)",
                $"{rates[^1]:N0} readings/s", $"{rates[0]:N0} readings/s", $"{last:P0}", "no slowdown (≥ 90%)", last >= 0.9));
        }

        // The append path alone: one more round with every processor paused, against the same COPY rate.
        var pausedBodies = Enumerable.Range(0, sizes.Devices)
            .Select(d => PushBodies.Push(PushBodies.Device("B", d), $"bp-{d}", sizes.IngestRounds * sizes.ReadingsPerPush, sizes.ReadingsPerPush))
            .ToList();
        var (pausedRate, pausedCpu) = await PausedAsync(bench, async () =>
        {
            var (sent, elapsed) = await bench.PushAllAsync(pausedBodies, sizes.Concurrency, sizes.PhaseLimit, ct);
            return sent * sizes.ReadingsPerPush / elapsed.TotalSeconds;
        }, sizes.Devices, "push of " + sizes.ReadingsPerPush, ct);
        bench.Details.Add($"ingest with the processors paused: {pausedRate:N0} readings/s; {pausedCpu}");
        var pausedRatio = pausedRate / copyRate;
        figures.Add(new Figure("batched push, append path", "the same pushes with every projection and reactor paused (they catch up afterwards) vs the same COPY",
            $"{pausedRate:N0} readings/s", $"{copyRate:N0} rows/s", $"{pausedRatio:P0}", "≥ 50%", pausedRatio >= 0.5));
        return figures;
    }

    /// <summary>
    /// Runs <paramref name="pushes"/> with every running processor paused (the daemon on the service stops their shards), then
    /// resumes them; returns its rate and the CPU per unit of work it cost.
    /// </summary>
    private static async Task<(double Rate, string Cpu)> PausedAsync(BenchContext bench, Func<Task<double>> pushes, double units, string unit, CancellationToken ct)
    {
        await bench.WaitForAllProjectionsAsync(Wait(bench.Sizes), ct);
        await bench.ExecuteAsync("UPDATE projection_control SET paused = true", ct);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct); // a page in flight finishes
            var cpu = bench.Profile.Sample();
            var rate = await pushes();
            return (rate, (bench.Profile.Sample() - cpu).Per(units, unit));
        }
        finally
        {
            await bench.ExecuteAsync("UPDATE projection_control SET paused = false", CancellationToken.None);
        }
    }

    /// <summary>How long a phase waits for the projections' backlog before it goes on regardless (and says so).</summary>
    public static TimeSpan Wait(BenchSizes sizes) => sizes.Quick ? TimeSpan.FromSeconds(90) : sizes.PhaseLimit;

    private const int BaselineRuns = 5;

    public static async Task<List<Figure>> RunSingleAsync(BenchContext bench, CancellationToken ct)
    {
        var sizes = bench.Sizes;
        // One reading per push; each device's readings land a minute apart, after the batched hours.
        var bodies = Enumerable.Range(0, sizes.SinglePushes)
            .Select(i => PushBodies.Push(PushBodies.Device("S", i % sizes.Devices), $"s-{i}", 1000 + (i / sizes.Devices), 1))
            .ToList();
        if (bench.BatchedReadingsPerSecond is null)
        {
            // Run on its own: warm the service up first (in `all` the batched rounds have done that).
            await bench.PushAllAsync(Enumerable.Range(0, 300).Select(i => PushBodies.Push(PushBodies.Device("WS", i), $"ws-{i}", 0, 1)).ToList(), sizes.Concurrency, sizes.PhaseLimit, ct);
        }

        await bench.WaitForAllProjectionsAsync(Wait(sizes), ct);
        var before = await bench.ScalarAsync("SELECT coalesce(max(seq_id), 0) FROM mt_events", ct);
        await bench.Profile.ResetStatementsAsync(ct);
        var cpu = bench.Profile.Sample();
        var (sent, elapsed) = await bench.PushAllAsync(bodies, sizes.Concurrency, sizes.PhaseLimit, ct);
        var after = await bench.ScalarAsync("SELECT coalesce(max(seq_id), 0) FROM mt_events", ct);
        var rate = sent / elapsed.TotalSeconds;
        bench.SinglePushesPerSecond = rate;
        bench.Details.Add("single pushes " + (bench.Profile.Sample() - cpu).Per(sent, "push") + "; top statements:");
        bench.Details.AddRange(await bench.Profile.TopStatementsAsync(8, ct));

        var rows = await EventRow.LoadAsync(bench.DataSource, before, after, ct);
        await bench.WaitForAllProjectionsAsync(Wait(sizes), ct);
        // The baseline takes a tenth of the pushes' time: the median of three runs, each into a fresh table, so one
        // hiccup of a fraction of a second does not move the ratio.
        var insertCpu = bench.Profile.Sample();
        var insertRates = new List<double>();
        for (var run = 0; run < BaselineRuns; run++)
        {
            await EventRow.CreateTableAsync(bench.DataSource, "bench_events_insert", ct);
            var insert = Stopwatch.StartNew();
            await EventRow.InsertEachAsync(bench.DataSource, "bench_events_insert", rows, sizes.Concurrency, ct);
            insertRates.Add(rows.Count / insert.Elapsed.TotalSeconds);
            await bench.ExecuteAsync("DROP TABLE bench_events_insert", ct);
        }

        bench.Details.Add("single-row INSERT " + (bench.Profile.Sample() - insertCpu).Per(rows.Count * BaselineRuns, "row"));
        var insertRate = insertRates.Order().ElementAt(BaselineRuns / 2);
        bench.Details.Add($"single pushes: {sent} in {elapsed.TotalSeconds:0.0} s = {rate:N0}/s at concurrency {sizes.Concurrency}; " +
            $"single-row INSERT baseline: {rows.Count:N0} rows, {BaselineRuns} runs at {string.Join(" / ", insertRates.Select(r => r.ToString("N0")))}/s, median {insertRate:N0}/s");
        var ratio = rate / insertRate;
        var pausedBodies = Enumerable.Range(0, sizes.SinglePushes)
            .Select(i => PushBodies.Push(PushBodies.Device("SP", i % sizes.Devices), $"sp-{i}", 1000 + (i / sizes.Devices), 1))
            .ToList();
        var (pausedRate, pausedCpu) = await PausedAsync(bench, async () =>
        {
            var (pausedSent, pausedElapsed) = await bench.PushAllAsync(pausedBodies, sizes.Concurrency, sizes.PhaseLimit, ct);
            return pausedSent / pausedElapsed.TotalSeconds;
        }, sizes.SinglePushes, "push", ct);
        bench.Details.Add($"single pushes with the processors paused: {pausedRate:N0}/s; {pausedCpu}");
        var pausedRatio = pausedRate / insertRate;
        return
        [
            new Figure("single-reading push", $"pushes of 1 reading vs autocommitted single-row INSERTs of the same rows, {sizes.Concurrency} concurrent",
                $"{rate:N0} pushes/s", $"{insertRate:N0} inserts/s", $"{ratio:P0}", "≥ 60%", ratio >= 0.6),
            new Figure("single push, append path", "the same with every projection and reactor paused vs the same INSERTs",
                $"{pausedRate:N0} pushes/s", $"{insertRate:N0} inserts/s", $"{pausedRatio:P0}", "≥ 60%", pausedRatio >= 0.6),
        ];
    }
}
