using Dapper;
using Energy.Domain.Oee;
using Energy.Domain.Readings;
using Energy.Application.EventStore;
using Npgsql;

namespace Energy.Projections.Oee;

public sealed partial class OeeStatusReactor
{
    /// <summary>
    /// The page's readings as samples of the meter each belongs to (<c>reading_meter</c>, docs/ATTRIBUTION.md),
    /// kept only for meters some rule (any version) judges; a value re-sent for the same instant keeps the last one.
    /// </summary>
    private static async Task<List<OeeSample>> JudgedSamplesAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        var readings = events.Select(e => (MeterReadingReceived)e.Data).ToList();
        var meters = (await context.Connection.QueryAsync<(long Ordinal, long MeterId)>(new CommandDefinition("""
            SELECT u.ord, b.meter_id
            FROM unnest(@devices::text[], @instants::timestamptz[]) WITH ORDINALITY AS u(device, at, ord)
            CROSS JOIN LATERAL reading_meter(u.device, u.at) b
            WHERE EXISTS (SELECT 1 FROM oee_rule_versions v WHERE v.meter_id = b.meter_id)
            """, new { devices = readings.Select(r => r.Device).ToArray(), instants = readings.Select(r => r.ReadAt.UtcDateTime).ToArray() },
            context.Transaction, cancellationToken: ct))).ToList();
        return meters
            .SelectMany(m => readings[(int)m.Ordinal - 1].Parameters.Select(p => new OeeSample(m.MeterId, p.Key, readings[(int)m.Ordinal - 1].ReadAt, p.Value)))
            .GroupBy(s => (s.MeterId, s.Parameter, s.At))
            .Select(g => g.Last())
            .ToList();
    }

    private static Task<int> StoreSamplesAsync(ProjectionContext context, List<OeeSample> samples, CancellationToken ct) =>
        context.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO oee_samples (meter_id, parameter, at, value)
            SELECT * FROM unnest(@meters::bigint[], @parameters::text[], @instants::timestamptz[], @values::numeric[])
            ON CONFLICT (meter_id, parameter, at) DO UPDATE SET value = excluded.value
            """, new
            {
                meters = samples.Select(s => s.MeterId).ToArray(), parameters = samples.Select(s => s.Parameter).ToArray(),
                instants = samples.Select(s => s.At.UtcDateTime).ToArray(), values = samples.Select(s => s.Value).ToArray(),
            }, context.Transaction, cancellationToken: ct));

    /// <summary>Every machine whose rules judge a meter of the page, with the earliest reading instant to derive from.</summary>
    private static async Task<List<(long MachineId, DateTimeOffset Since)>> MachinesTouchedAsync(ProjectionContext context, List<OeeSample> samples, CancellationToken ct) =>
        (await context.Connection.QueryAsync<(long MachineId, DateTime Since)>(new CommandDefinition("""
            SELECT v.machine_id, min(u.at)
            FROM unnest(@meters::bigint[], @instants::timestamptz[]) AS u(meter, at) JOIN oee_rule_versions v ON v.meter_id = u.meter
            GROUP BY v.machine_id ORDER BY v.machine_id
            """, new { meters = samples.Select(s => s.MeterId).ToArray(), instants = samples.Select(s => s.At.UtcDateTime).ToArray() },
            context.Transaction, cancellationToken: ct)))
        .Select(r => (r.MachineId, Utc(r.Since))).ToList();

    /// <summary>Every version of every rule that ever judged the machine; a version about another machine judges nothing here.</summary>
    private static async Task<List<OeeRuleVersion>> VersionsAsync(ProjectionContext context, long machineId, CancellationToken ct) =>
        (await context.Connection.QueryAsync<VersionRow>(new CommandDefinition("""
            SELECT rule_id AS RuleId, effective_from AS EffectiveFrom, live, name, status_name AS StatusName, machine_id AS MachineId,
                   meter_id AS MeterId, parameter, lower_limit AS Lower, upper_limit AS Upper
            FROM oee_rule_versions
            WHERE rule_id IN (SELECT rule_id FROM oee_rule_versions WHERE machine_id = @machineId)
            ORDER BY rule_id, seq_id
            """, new { machineId }, context.Transaction, cancellationToken: ct)))
        .Select(r => new OeeRuleVersion(r.RuleId, Utc(r.EffectiveFrom), r.Live && r.MachineId == machineId
            ? new OeeRuleDetails(r.Name, r.StatusName, r.MachineId, r.MeterId, r.Parameter, r.Lower, r.Upper)
            : null))
        .ToList();

    /// <summary>The latest sample of each (meter, parameter) before <paramref name="since"/>, and every sample from it on.</summary>
    private static async Task<(List<OeeSample> Before, List<OeeSample> After)> SamplesAroundAsync(ProjectionContext context, long[] meters, DateTimeOffset since, CancellationToken ct)
    {
        await using var results = await context.Connection.QueryMultipleAsync(new CommandDefinition("""
            SELECT DISTINCT ON (meter_id, parameter) meter_id, parameter, at, value FROM oee_samples
            WHERE meter_id = ANY(@meters) AND at < @since ORDER BY meter_id, parameter, at DESC;
            SELECT meter_id, parameter, at, value FROM oee_samples WHERE meter_id = ANY(@meters) AND at >= @since ORDER BY at;
            """, new { meters, since = since.UtcDateTime }, context.Transaction, cancellationToken: ct));
        static OeeSample Sample((long Meter, string Parameter, DateTime At, decimal Value) r) => new(r.Meter, r.Parameter, Utc(r.At), r.Value);
        var before = (await results.ReadAsync<(long, string, DateTime, decimal)>()).Select(Sample).ToList();
        var after = (await results.ReadAsync<(long, string, DateTime, decimal)>()).Select(Sample).ToList();
        return (before, after);
    }

    /// <summary>The status just before <paramref name="since"/> and the changes recorded from it on.</summary>
    private static async Task<(string StatusBefore, List<OeeChange> Recorded)> RecordedAsync(ProjectionContext context, long machineId, DateTimeOffset since, CancellationToken ct)
    {
        await using var results = await context.Connection.QueryMultipleAsync(new CommandDefinition("""
            SELECT to_status FROM oee_changes WHERE machine_id = @machineId AND at < @since ORDER BY at DESC LIMIT 1;
            SELECT from_status, to_status, at FROM oee_changes WHERE machine_id = @machineId AND at >= @since ORDER BY at;
            """, new { machineId, since = since.UtcDateTime }, context.Transaction, cancellationToken: ct));
        var status = await results.ReadSingleOrDefaultAsync<string>() ?? OeeStatus.Unknown;
        var recorded = (await results.ReadAsync<(string From, string To, DateTime At)>()).Select(r => new OeeChange(r.From, r.To, Utc(r.At))).ToList();
        return (status, recorded);
    }

    /// <summary>Keeps <c>oee_changes</c> equal to the fold of the machine's stream, in the same transaction as the append.</summary>
    private static async Task RecordAsync(ProjectionContext context, long machineId, IReadOnlyList<object> appended, CancellationToken ct)
    {
        if (appended[0] is OeeStatusTimelineCorrected correction)
        {
            await context.Connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM oee_changes WHERE machine_id = @machineId AND at >= @since",
                new { machineId, since = correction.Since.UtcDateTime }, context.Transaction, cancellationToken: ct));
        }

        var changes = appended.OfType<OeeStatusChanged>().ToList();
        await context.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO oee_changes (machine_id, at, from_status, to_status)
            SELECT @machineId, * FROM unnest(@instants::timestamptz[], @froms::text[], @tos::text[])
            """, new
            {
                machineId, instants = changes.Select(c => c.At.UtcDateTime).ToArray(),
                froms = changes.Select(c => c.From).ToArray(), tos = changes.Select(c => c.To).ToArray(),
            }, context.Transaction, cancellationToken: ct));
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record VersionRow(
        long RuleId, DateTime EffectiveFrom, bool Live, string Name, string StatusName, long MachineId, long MeterId, string Parameter, decimal Lower, decimal Upper);
}
