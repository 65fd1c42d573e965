using Energy.Domain.Alarms;
using Energy.Domain.Readings;
using Energy.Application.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Energy.Application.Alarms.Evaluation;

/// <summary>
/// Type 2 (CONTRACT §8): each reading's parameter becomes a sample of every rule watching it; the rules touched
/// are re-judged from the sample before the earliest new one (<see cref="ParameterJudge"/>), so late readings
/// are judged in time order, each sample by the limits of the rule's version in force at its instant (stored
/// with it: a rule's edit applies from the edit's instant, docs/ATTRIBUTION.md). Raised episodes are rows of <c>alarm_episodes</c> keyed by (rule, start): an
/// episode can be raised once only, and its clearing is recorded once only.
/// </summary>
public sealed class ParameterAlarmReactor : IReactor
{
    public string Name => "alarm_parameters";

    public IReadOnlyCollection<string>? EventTypes { get; } = [nameof(MeterReadingReceived)];

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        var readings = events.Select(e => (MeterReadingReceived)e.Data).ToList();
        var watched = await WatchedRules.ForAsync(context, readings.Select(r => (r.Device, r.ReadAt)).ToList(), AlarmType.InstantaneousParameter, ct);
        var samples = readings.SelectMany((r, i) => watched[i]
                .Where(rule => r.Parameters.ContainsKey(rule.Parameter))
                .Select(rule => (Rule: rule, Sample: new Sample(r.ReadAt, r.Parameters[rule.Parameter]))))
            .GroupBy(s => (s.Rule.RuleId, s.Sample.At)).Select(g => g.Last()).ToList();
        if (samples.Count == 0)
        {
            return;
        }

        await SaveAsync(context, samples, ct);
        var rules = samples.GroupBy(s => s.Rule.RuleId).Select(g => (Rule: g.First().Rule, Earliest: g.Min(s => s.Sample.At))).ToList();
        var (history, episodes) = await LoadAsync(context, rules.Select(r => (r.Rule.RuleId, r.Earliest)).ToList(), ct);
        var appends = new AlarmAppends();
        foreach (var (rule, _) in rules)
        {
            var judged = history[rule.RuleId].ToDictionary(h => h.Sample.At);
            var verdicts = ParameterJudge.Judge(history[rule.RuleId].Select(h => h.Sample).ToList(), episodes[rule.RuleId].ToList(),
                sample => judged[sample.At].Inside(sample.Value) ?? rule.Inside(sample.Value));
            foreach (var verdict in verdicts)
            {
                // The record states the limits the sample was judged by: those of the version in force then.
                var at = verdict switch { Raise r => r.At, Clear c => c.At, _ => throw new InvalidOperationException() };
                var judgedBy = judged[at] is { Lower: { } lower, Upper: { } upper } ? rule with { LowerLimit = lower, UpperLimit = upper } : rule;
                await RecordAsync(context, judgedBy, verdict, appends, ct);
            }
        }

        await appends.AppendAsync(context, Name, ct);
    }

    private static async Task RecordAsync(ProjectionContext context, WatchedRule rule, Verdict verdict, AlarmAppends appends, CancellationToken ct)
    {
        var limits = $"[{AlarmAppends.Number(rule.LowerLimit)}, {AlarmAppends.Number(rule.UpperLimit)}]";
        switch (verdict)
        {
            case Raise raise when await ExecuteAsync(context, "INSERT INTO alarm_episodes (rule_id, started_at) VALUES ($1, $2) ON CONFLICT DO NOTHING", rule.RuleId, raise.At, ct):
                var content = $"规则「{rule.RuleName}」: 仪表 {rule.MeterName} 的 {rule.Parameter} = {AlarmAppends.Number(raise.Value)}，超出范围 {limits}";
                appends.Add(rule.RuleId, AlarmAppends.Triggered(rule, rule.Parameter, raise.Value, raise.At, content), AlarmAppends.Key("raise", rule.RuleId, raise.At));
                break;
            case Clear clear when await ExecuteAsync(context, "UPDATE alarm_episodes SET cleared_at = $3 WHERE rule_id = $1 AND started_at = $2 AND cleared_at IS NULL", rule.RuleId, clear.TriggeredAt, ct, clear.At):
                var text = $"规则「{rule.RuleName}」: 仪表 {rule.MeterName} 的 {rule.Parameter} = {AlarmAppends.Number(clear.Value)}，回到范围 {limits} 内";
                appends.Add(rule.RuleId, new AlarmCleared(rule.RuleId, rule.AlarmId, rule.MeterId, rule.Parameter, clear.Value, clear.TriggeredAt, clear.At, text),
                    AlarmAppends.Key("clear", rule.RuleId, clear.TriggeredAt));
                break;
        }
    }

    private static async Task<bool> ExecuteAsync(ProjectionContext context, string sql, long ruleId, DateTimeOffset at, CancellationToken ct, DateTimeOffset? other = null)
    {
        await using var cmd = new NpgsqlCommand(sql, context.Connection, context.Transaction);
        cmd.Parameters.Add(new() { Value = ruleId });
        cmd.Parameters.Add(new() { Value = at.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        if (other is { } o)
        {
            cmd.Parameters.Add(new() { Value = o.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        }

        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    private static async Task SaveAsync(ProjectionContext context, List<(WatchedRule Rule, Sample Sample)> samples, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO alarm_rule_samples (rule_id, at, value, lower_limit, upper_limit)
            SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::numeric[], $4::numeric[], $5::numeric[])
            ON CONFLICT (rule_id, at) DO UPDATE SET value = excluded.value, lower_limit = excluded.lower_limit, upper_limit = excluded.upper_limit
            """, context.Connection, context.Transaction);
        cmd.Parameters.Add(new() { Value = samples.Select(s => s.Rule.RuleId).ToArray() });
        cmd.Parameters.Add(new() { Value = samples.Select(s => s.Sample.At.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = samples.Select(s => s.Sample.Value).ToArray() });
        cmd.Parameters.Add(new() { Value = samples.Select(s => s.Rule.LowerLimit).ToArray() });
        cmd.Parameters.Add(new() { Value = samples.Select(s => s.Rule.UpperLimit).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Each rule's samples from the one before its earliest new sample, and the episodes that can overlap them.</summary>
    private static async Task<(ILookup<long, JudgedSample> Samples, ILookup<long, Episode> Episodes)> LoadAsync(
        ProjectionContext context, List<(long RuleId, DateTimeOffset Earliest)> rules, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(context.Connection, context.Transaction);
        const string From = """
            WITH f AS (
                SELECT t.rule_id, coalesce((SELECT max(s.at) FROM alarm_rule_samples s WHERE s.rule_id = t.rule_id AND s.at < t.earliest), t.earliest) AS from_at
                FROM unnest($1::bigint[], $2::timestamptz[]) AS t(rule_id, earliest))
            """;
        foreach (var sql in new[]
        {
            $"{From} SELECT s.rule_id, s.at, s.value, s.lower_limit, s.upper_limit FROM f JOIN alarm_rule_samples s ON s.rule_id = f.rule_id AND s.at >= f.from_at ORDER BY s.rule_id, s.at",
            $"{From} SELECT e.rule_id, e.started_at, 0::numeric, e.cleared_at FROM f JOIN alarm_episodes e ON e.rule_id = f.rule_id AND (e.cleared_at IS NULL OR e.cleared_at > f.from_at) ORDER BY e.rule_id, e.started_at",
        })
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new() { Value = rules.Select(r => r.RuleId).ToArray() });
            command.Parameters.Add(new() { Value = rules.Select(r => r.Earliest.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            batch.BatchCommands.Add(command);
        }

        var samples = new List<(long, JudgedSample)>();
        var episodes = new List<(long, Episode)>();
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            samples.Add((reader.GetInt64(0), new JudgedSample(new Sample(Utc(reader.GetDateTime(1)), reader.GetDecimal(2)),
                reader.IsDBNull(3) ? null : reader.GetDecimal(3), reader.IsDBNull(4) ? null : reader.GetDecimal(4))));
        }

        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            episodes.Add((reader.GetInt64(0), new Episode(Utc(reader.GetDateTime(1)), reader.IsDBNull(3) ? null : Utc(reader.GetDateTime(3)))));
        }

        return (samples.ToLookup(s => s.Item1, s => s.Item2), episodes.ToLookup(e => e.Item1, e => e.Item2));
    }

    /// <summary>A stored sample with the limits it was judged by (null for samples kept before rule versions).</summary>
    private sealed record JudgedSample(Sample Sample, decimal? Lower, decimal? Upper)
    {
        public bool? Inside(decimal value) => Lower is { } lower && Upper is { } upper ? lower <= value && value <= upper : null;
    }

    internal static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
