using System.Diagnostics;
using System.Globalization;
using Energy.Domain.Readings;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace Energy.Bench;

/// <summary>
/// Marten's own raw append, measured in the same run on the same cluster: the readings a batched push and a
/// single push carry, appended as <see cref="MeterReadingReceived"/> events to string-keyed streams (one per
/// device) with <c>EventAppendMode.Quick</c> and every metadata column on, one session per push, at the
/// service's concurrency. No HTTP, no inbox, no projections: the floor the move onto Marten (issue 18) starts from.
/// </summary>
public static class MartenAppendBench
{
    public static async Task<List<Figure>> RunAsync(BenchContext bench, string connectionString, CancellationToken ct)
    {
        var sizes = bench.Sizes;
        using var store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.DatabaseSchemaName = "marten_bench";
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.UseSystemTextJsonForSerialization();
            options.Events.StreamIdentity = StreamIdentity.AsString;
            options.Events.AppendMode = EventAppendMode.Quick;
            options.Events.MetadataConfig.EnableAll();
            options.Events.AddEventType<MeterReadingReceived>();
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        // Warm-up (JIT, pool, plans), not timed.
        await AppendAllAsync(store, Pushes("MW", sizes.Devices, 0, sizes.ReadingsPerPush), sizes.Concurrency, ct);

        var batched = Pushes("MB", sizes.Devices, 0, sizes.ReadingsPerPush);
        var batchedElapsed = await AppendAllAsync(store, batched, sizes.Concurrency, ct);
        var batchedRate = batched.Sum(p => p.Readings.Length) / batchedElapsed.TotalSeconds;

        var singles = Enumerable.Range(0, sizes.SinglePushes)
            .Select(i => (Index: i, Device: PushBodies.Device("MS", i % sizes.Devices)))
            .Select(s => (s.Device, Readings: new[] { Reading(s.Device, $"ms-{s.Index}", 1000 + (s.Index / sizes.Devices)) }))
            .ToList();
        var singleElapsed = await AppendAllAsync(store, singles, sizes.Concurrency, ct);
        var singleRate = singles.Count / singleElapsed.TotalSeconds;
        bench.Details.Add($"Marten Quick append: {batched.Count} sessions × {sizes.ReadingsPerPush} events in {batchedElapsed.TotalSeconds:0.0} s = {batchedRate:N0} events/s; " +
            $"{singles.Count} one-event sessions in {singleElapsed.TotalSeconds:0.0} s = {singleRate:N0}/s, concurrency {sizes.Concurrency}");

        return
        [
            Compared("batched push vs Marten append", $"the service's HTTP pushes of {sizes.ReadingsPerPush} readings vs Marten Quick append of as many events per session",
                bench.BatchedReadingsPerSecond, batchedRate, "readings/s", "events/s"),
            Compared("single push vs Marten append", "the service's one-reading pushes vs one-event Marten sessions, same concurrency",
                bench.SinglePushesPerSecond, singleRate, "pushes/s", "sessions/s"),
        ];
    }

    private static Figure Compared(string name, string compared, double? service, double marten, string serviceUnit, string martenUnit) =>
        service is { } rate
            ? new Figure(name, compared, $"{rate:N0} {serviceUnit}", $"{marten:N0} {martenUnit}", $"{rate / marten:P0}", "reported", null)
            : new Figure(name, compared, "– (service figure not run)", $"{marten:N0} {martenUnit}", "–", "reported", null);

    private static List<(string Device, MeterReadingReceived[] Readings)> Pushes(string prefix, int devices, int firstMinute, int count) =>
        Enumerable.Range(0, devices)
            .Select(d => PushBodies.Device(prefix, d))
            .Select(device => (device, Enumerable.Range(firstMinute, count).Select(m => Reading(device, $"{device}-{firstMinute}", m)).ToArray()))
            .ToList();

    private static readonly TimeZoneInfo Plant = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The 附1 example's fields, parsed once.</summary>
    private static readonly KeyValuePair<string, string>[] Example = PushBodies.Appendix1Fields().ToArray();

    /// <summary>A reading shaped as the service stores one: the 附1 fields as text, the contract parameters mapped from them.</summary>
    private static MeterReadingReceived Reading(string device, string dataId, int minute)
    {
        var ep = Math.Round(100m + (minute * 0.05m), 2);
        var fields = new Dictionary<string, string>(Example)
        {
            ["meterNo"] = device,
            ["zxygzdl"] = ep.ToString(CultureInfo.InvariantCulture),
        };
        var parameters = ReadingParameters.FieldToParameter
            .Where(p => fields.ContainsKey(p.Key))
            .ToDictionary(p => p.Value, p => decimal.Parse(fields[p.Key], CultureInfo.InvariantCulture));
        var at = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(PushBodies.Origin.AddMinutes(minute), Plant), TimeSpan.Zero);
        return new MeterReadingReceived(device, at, dataId, fields, parameters);
    }

    private static async Task<TimeSpan> AppendAllAsync(DocumentStore store, List<(string Device, MeterReadingReceived[] Readings)> pushes, int concurrency, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(pushes, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (push, token) =>
        {
            await using var session = store.LightweightSession();
            session.CorrelationId = push.Readings[0].DataId;
            session.Events.Append("device:" + push.Device, push.Readings.Cast<object>().ToArray());
            await session.SaveChangesAsync(token);
        });
        return clock.Elapsed;
    }
}
