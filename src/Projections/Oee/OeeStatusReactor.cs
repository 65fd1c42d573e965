using System.Security.Cryptography;
using System.Text;
using Energy.Domain.Oee;
using Energy.Domain.Readings;
using Energy.Application.EventStore;

namespace Energy.Projections.Oee;

/// <summary>
/// Judges machines' OEE status from their meters' readings (CONTRACT §7) and appends
/// <see cref="OeeStatusChanged"/> to <c>oee_status-&lt;machine&gt;</c>, exactly once: its own tables (the samples
/// it judged by, <c>oee_samples</c>, and the changes it appended, <c>oee_changes</c>) and its appended events
/// commit with its floor in the daemon's transaction, so a restart neither loses nor repeats a change, and a
/// projection rebuild never replays it.
/// </summary>
/// <remarks>
/// Late readings: for each machine a page touches, the timeline is derived again from the earliest reading of
/// the page on (the samples before give each parameter's latest value) and compared with the changes recorded
/// from there on; <see cref="OeeTimelineRevision"/> appends only the differing tail, after an
/// <see cref="OeeStatusTimelineCorrected"/> when a recorded change no longer holds. An in-order reading derives
/// a single instant, so the common case stays cheap.
/// </remarks>
public sealed partial class OeeStatusReactor : IReactor, ISchemaContributor
{
    public string Name => "oee_status";

    public IReadOnlyCollection<string>? EventTypes { get; } = [nameof(MeterReadingReceived)];

    public string Sql => """
        CREATE TABLE IF NOT EXISTS oee_samples (
            meter_id   bigint      NOT NULL,
            parameter  text        NOT NULL,
            at         timestamptz NOT NULL,
            value      numeric     NOT NULL,
            PRIMARY KEY (meter_id, parameter, at)
        );
        CREATE INDEX IF NOT EXISTS oee_samples_meter_at ON oee_samples (meter_id, at);
        CREATE TABLE IF NOT EXISTS oee_changes (
            machine_id  bigint      NOT NULL,
            at          timestamptz NOT NULL,
            from_status text        NOT NULL,
            to_status   text        NOT NULL,
            PRIMARY KEY (machine_id, at)
        );
        """;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        var samples = await JudgedSamplesAsync(context, events, ct);
        if (samples.Count == 0)
        {
            return;
        }

        await StoreSamplesAsync(context, samples, ct);
        var source = events[^1].Id;
        foreach (var (machineId, since) in await MachinesTouchedAsync(context, samples, ct))
        {
            var versions = await VersionsAsync(context, machineId, ct);
            var meters = versions.Where(v => v.Details is not null).Select(v => v.Details!.MeterId).Distinct().ToArray();
            var (before, after) = await SamplesAroundAsync(context, meters, since, ct);
            var (statusBefore, recorded) = await RecordedAsync(context, machineId, since, ct);
            var derived = new OeeJudge(versions).Derive(statusBefore, before, after);
            var appended = OeeTimelineRevision.Events(machineId, recorded, derived);
            if (appended.Count == 0)
            {
                continue;
            }

            await RecordAsync(context, machineId, appended, ct);
            var withIds = appended.Select((e, i) => (object)new NewEvent(e, EffectId(source, machineId, i))).ToList();
            await context.Store.AppendAsync(context.Connection, context.Transaction,
                AppendRequest.To(OeeStatus.StreamId(machineId), ExpectedVersion.Any, withIds, streamType: "oee_status"), ct);
        }
    }

    /// <summary>A deterministic id per effect of a page, so a replayed page could never append twice.</summary>
    private static Guid EffectId(Guid source, long machineId, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"oee_status:{source:N}:{machineId}:{index}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
