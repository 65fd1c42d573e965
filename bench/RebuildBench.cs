using System.Diagnostics;
using Energy.Application.EventStore;
using Energy.Projections.Energy;
using Microsoft.Extensions.Configuration;

namespace Energy.Bench;

/// <summary>
/// Rebuilds the energy projection (blue/green, through <see cref="ProjectionOperations"/> as the ops endpoint does)
/// over everything the earlier runs appended. Below the size asked for, the log is topped up in SQL with copies of
/// the pushed readings under other device names (events only; those streams are never appended to again). The other
/// processors are paused from here on, so the rebuild is measured beside an idle live energy projection only.
/// </summary>
public static class RebuildBench
{
    private const string Types = "('MeterReadingReceived', 'ManualConsumptionRecorded', 'ManualConsumptionCorrected')";

    public static async Task<Figure> RunAsync(BenchContext bench, CancellationToken ct)
    {
        // The rebuild is measured on its own: every other processor is paused first (and stays paused for the
        // rest of the run), so the top-up below is not replayed by all twelve of them while the rebuild runs.
        await bench.WaitForAllProjectionsAsync(IngestBench.Wait(bench.Sizes), ct);
        await bench.ExecuteAsync("UPDATE projection_control SET paused = true WHERE name <> 'energy'", ct);
        var have = await bench.ScalarAsync($"SELECT count(*) FROM mt_events WHERE type IN {Types}", ct);
        if (have < bench.Sizes.RebuildEvents && have > 0)
        {
            var copies = (int)Math.Ceiling((double)(bench.Sizes.RebuildEvents - have) / have);
            await bench.ExecuteAsync($"""
                INSERT INTO mt_streams (id, type, version)
                SELECT s.id || '-c' || g, s.type, s.version
                FROM mt_streams s CROSS JOIN generate_series(1, {copies}) g
                WHERE EXISTS (SELECT 1 FROM mt_events e WHERE e.stream_id = s.id AND e.type = 'MeterReadingReceived');
                INSERT INTO mt_events (seq_id, id, stream_id, version, type, data, timestamp, mt_dotnet_type, correlation_id, causation_id, user_name, headers)
                SELECT nextval('mt_events_sequence'), gen_random_uuid(), e.stream_id || '-c' || g, e.version, e.type,
                       jsonb_set(e.data, '{"{"}Device{"}"}', to_jsonb('C' || g || '-' || (e.data->>'Device'))), e.timestamp, e.mt_dotnet_type, e.correlation_id, e.causation_id, e.user_name, e.headers
                FROM mt_events e CROSS JOIN generate_series(1, {copies}) g
                WHERE e.type = 'MeterReadingReceived'
                """, ct);
            bench.Details.Add($"rebuild: log topped up with {copies} SQL copies of the {have:N0} pushed readings (other device names)");
        }

        await bench.WaitForEnergyAsync(bench.Sizes.PhaseLimit, ct);
        var operations = new ProjectionOperations(bench.DataSource, new ProcessorCatalog([new EnergyProjection(new ConfigurationBuilder().Build())]), TimeProvider.System);
        await bench.Profile.ResetStatementsAsync(ct);
        var cpu = bench.Profile.Sample();
        var stopwatch = Stopwatch.StartNew();
        if (!await operations.RequestRebuildAsync("energy", ct))
        {
            throw new InvalidOperationException("the energy projection refused the rebuild request");
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(bench.Sizes.PhaseLimit);
        var status = await operations.WaitForRebuildAsync("energy", null, TimeSpan.FromMilliseconds(100), limit.Token);
        stopwatch.Stop();
        var events = await bench.ScalarAsync($"SELECT count(*) FROM mt_events WHERE type IN {Types} AND seq_id <= {status.Floor}", ct);
        var all = await bench.ScalarAsync($"SELECT count(*) FROM mt_events WHERE seq_id <= {status.Floor}", ct);
        var rate = events / stopwatch.Elapsed.TotalSeconds;
        bench.Details.Add("rebuild " + (bench.Profile.Sample() - cpu).Per(events / 1000.0, "1000 events") + "; top statements:");
        bench.Details.AddRange(await bench.Profile.TopStatementsAsync(5, ct));
        bench.Details.Add($"rebuild: {events:N0} energy events ({all:N0} in the log) in {stopwatch.Elapsed.TotalSeconds:0.0} s = {rate:N0} events/s; state {status.State}{(status.LastError is null ? "" : ", " + status.LastError)}");
        return new Figure("rebuild", $"energy projection rebuild over {events:N0} events (request → swapped in)",
            $"{rate:N0} events/s", "30,000 events/s", $"{rate / 30_000:P0}", "≥ 30k events/s", rate >= 30_000 && status.State == "running");
    }
}
