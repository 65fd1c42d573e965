using System.Globalization;
using System.Text.Json.Nodes;
using Energy.Application.Common;
using Energy.Application.Energy;
using Energy.Application.Meters;
using Energy.Domain.Energy;
using Energy.Domain.Meters;
using Energy.Domain.Platform;
using Energy.Application.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Energy.Application.Platform;

/// <summary>
/// Uploads every closed natural day (statType 1) and month (statType 2) of every collect item after the last
/// one the ledger holds, oldest first. A failed upload stops the round: the next round starts from the same
/// period, so a day the platform missed is caught up later and never skipped. Every attempt is an event.
/// </summary>
public sealed class PlatformUploader(
    IEventStore store,
    StreamCommands commands,
    MeterQueries meters,
    IConsumptionReader consumption,
    PlatformClient platform,
    PlantTime plantTime,
    NpgsqlDataSource dataSource,
    IOptions<PlatformOptions> options,
    TimeProvider clock)
{
    private static readonly Actor Uploader = Actor.System("platform-uploader");

    private sealed record Period(int StatType, string Label, TimeWindow Window);

    /// <summary>Uploads what is due; returns how many uploads succeeded.</summary>
    public async Task<int> UploadDueAsync(CancellationToken ct)
    {
        var state = (await store.AggregateStreamAsync(PlatformState.StreamId, PlatformState.Empty, PlatformState.Evolve, ct: ct)).State;
        if (state.Registration is not { } registration || state.Items.Count == 0 || state.ConfiguredAt is not { } configuredAt)
        {
            return 0;
        }

        var ledger = (await store.AggregateStreamAsync(UploadLedger.StreamId, UploadLedger.Empty, UploadLedger.Evolve, ct: ct)).State;
        var today = DateOnly.FromDateTime(plantTime.ToWallClock(clock.GetUtcNow()));
        var first = DateOnly.FromDateTime(plantTime.ToWallClock(configuredAt));
        var due = new SortedDictionary<(DateTimeOffset End, int StatType, string Label), (Period Period, List<CollectItem> Items)>();
        foreach (var item in state.Items)
        {
            foreach (var period in Pending(item, ledger, first, today))
            {
                var key = (period.Window.To, period.StatType, period.Label);
                if (!due.TryGetValue(key, out var entry))
                {
                    due[key] = entry = (period, []);
                }

                entry.Items.Add(item);
            }
        }

        if (due.Count == 0 || !await EnergyCaughtUpAsync(ct))
        {
            return 0;
        }

        var uploaded = 0;
        foreach (var (period, items) in due.Values)
        {
            if (!await UploadAsync(registration, period, items, ct))
            {
                break;
            }

            uploaded++;
        }

        return uploaded;
    }

    /// <summary>
    /// A closed day's value is read only once the energy read model has applied every event committed before
    /// this round (readings of the day included); otherwise the round waits for the next tick.
    /// </summary>
    private async Task<bool> EnergyCaughtUpAsync(CancellationToken ct)
    {
        await using var head = dataSource.CreateCommand("SELECT coalesce(max(seq_id), 0) FROM mt_events");
        var target = (long)(await head.ExecuteScalarAsync(ct))!;
        var deadline = clock.GetTimestamp() + (long)(options.Value.CatchUpWait.TotalSeconds * clock.TimestampFrequency);
        while (await consumption.CurrentSequenceAsync(ct) < target)
        {
            if (clock.GetTimestamp() > deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
        }

        return true;
    }

    private IEnumerable<Period> Pending(CollectItem item, UploadLedger ledger, DateOnly first, DateOnly today)
    {
        var day = ledger.Last.TryGetValue((item.Key, 1), out var lastDay)
            ? DateOnly.ParseExact(lastDay, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1)
            : first;
        for (; day < today; day = day.AddDays(1))
        {
            yield return new Period(1, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Window(day, day.AddDays(1)));
        }

        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var month = ledger.Last.TryGetValue((item.Key, 2), out var lastMonth)
            ? DateOnly.ParseExact(lastMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(1)
            : new DateOnly(first.Year, first.Month, 1);
        for (; month < thisMonth; month = month.AddMonths(1))
        {
            yield return new Period(2, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), Window(month, month.AddMonths(1)));
        }
    }

    private TimeWindow Window(DateOnly from, DateOnly to) => new(Midnight(from), Midnight(to));

    private DateTimeOffset Midnight(DateOnly day) =>
        plantTime.TryFromWallClock(day.ToDateTime(TimeOnly.MinValue), out var instant)
            ? instant
            : throw new InvalidOperationException($"{day} has no 00:00 in the plant's zone");

    private async Task<bool> UploadAsync(PlatformRegistered registration, Period period, List<CollectItem> items, CancellationToken ct)
    {
        var values = await ValuesAsync(items.Select(i => i.MeterId).Distinct().ToList(), period.Window, ct);
        var now = clock.GetUtcNow();
        var encrypt = options.Value.EncryptValues;
        var data = new JsonArray();
        foreach (var item in items)
        {
            var value = values[item.MeterId];
            var text = value.ToString("0.####", CultureInfo.InvariantCulture);
            data.Add(new JsonObject
            {
                ["dataCode"] = item.DataCode,
                ["dataValue"] = encrypt ? Sm4.EncryptToHex(registration.SecretKey, text) : text,
                ["inputType"] = item.InputType,
                ["statType"] = period.StatType.ToString(CultureInfo.InvariantCulture),
                ["statDate"] = period.Label,
                ["uploadDate"] = plantTime.Format(now),
                ["scope"] = item.Scope.ToString(CultureInfo.InvariantCulture),
                ["valid"] = "1",
            });
        }

        var payload = new JsonObject
        {
            ["deviceId"] = registration.DeviceId,
            ["enterpriseCode"] = registration.EnterpriseCode,
            ["data"] = data,
        };
        var reply = await platform.PostAsync(PlatformHandler.Url(registration, "data", options.Value.DataPath), payload, ct);
        var attempted = new PlatformUploadAttempted(
            reply.Url, payload.ToJsonString(), reply.Body, reply.Succeeded,
            items.Select(i => new UploadedValue(i.Key, period.StatType, period.Label)).ToList(), clock.GetUtcNow());
        await commands.AppendAsync(UploadLedger.StreamId, ExpectedVersion.Any, [attempted], Uploader, ct: ct);
        return reply.Succeeded;
    }

    /// <summary>
    /// The consumption of each meter in the window; a virtual meter is its formula over the meters it names
    /// (followed down to real ones; the catalog keeps formulas free of cycles).
    /// </summary>
    private async Task<IReadOnlyDictionary<long, decimal>> ValuesAsync(IReadOnlyList<long> meterIds, TimeWindow window, CancellationToken ct)
    {
        var facts = new Dictionary<long, (MeterFacts? Facts, MeterFormula? Formula)>();
        var pending = new Queue<long>(meterIds);
        while (pending.TryDequeue(out var id))
        {
            if (facts.ContainsKey(id))
            {
                continue;
            }

            var meter = await meters.FindAsync(id, ct);
            var formula = meter?.ParseFormula();
            facts[id] = (meter, formula);
            foreach (var referenced in formula?.ReferencedMeters ?? new HashSet<long>())
            {
                pending.Enqueue(referenced);
            }
        }

        // The same rule as every other energy figure (MeterSpans), so an upload equals what 3.1 shows.
        var spans = await MeterSpans.OfAsync(meters, facts.Values.Where(f => f.Formula is null && f.Facts is not null).Select(f => f.Facts!), ct);

        var read = await consumption.ReadAsync(spans, [window], ct: ct);
        decimal Of(long id) => facts[id].Formula is { } formula
            ? formula.Evaluate(Of)
            : read.TryGetValue(id, out var amounts) ? amounts[0] : 0m;
        return meterIds.ToDictionary(id => id, Of);
    }
}
