using Energy.Domain.Alarms;
using Energy.Application.EventStore;
using Energy.Projections.Meters;
using Npgsql;

namespace Energy.Projections.Alarms;

/// <summary>
/// The <c>alarm_status</c> and <c>alarm_status_rules</c> tables behind seed 6.1 and 6.5, written in the
/// appending transaction (a list shows a write at once, and the evaluation reactors see a rule as soon as it
/// is acknowledged). Deleted rows stay with <c>deleted_at</c>.
/// </summary>
/// <remarks>
/// <c>alarm_rule_versions</c> is what the evaluation reactors judge by: one row per definition, change and
/// deletion of a rule, in force from <c>effective_from</c> (docs/ATTRIBUTION.md). A rule's first version is in
/// force from <c>-infinity</c>, so a rule created today judges readings stamped last month as it judges
/// today's; a change or deletion applies to readings stamped from its instant on.
/// </remarks>
public sealed class AlarmList : IInlineProjection, ISchemaContributor
{
    public string Name => "alarms";

    public IReadOnlyCollection<string> EventTypes { get; } =
    [
        nameof(AlarmDefined), nameof(AlarmChanged), nameof(AlarmDeleted),
        nameof(AlarmRuleDefined), nameof(AlarmRuleChanged), nameof(AlarmRuleDeleted),
    ];

    public string Sql => """
        CREATE TABLE IF NOT EXISTS alarm_status (
            id          bigint PRIMARY KEY,
            name        text NOT NULL,
            level       int NOT NULL,
            type        int NOT NULL,
            notify      int NOT NULL,
            address     text NOT NULL,
            deleted_at  timestamptz
        );
        CREATE TABLE IF NOT EXISTS alarm_status_rules (
            id          bigint PRIMARY KEY,
            name        text NOT NULL,
            alarm_id    bigint NOT NULL,
            meter_id    bigint NOT NULL,
            parameter   text NOT NULL,
            lower_limit numeric NOT NULL,
            upper_limit numeric NOT NULL,
            deleted_at  timestamptz
        );
        CREATE TABLE IF NOT EXISTS alarm_rule_versions (
            rule_id        bigint      NOT NULL,
            seq_id         bigint      NOT NULL,
            effective_from timestamptz NOT NULL,
            live           boolean     NOT NULL,
            name           text        NOT NULL,
            alarm_id       bigint      NOT NULL,
            meter_id       bigint      NOT NULL,
            parameter      text        NOT NULL,
            lower_limit    numeric     NOT NULL,
            upper_limit    numeric     NOT NULL,
            PRIMARY KEY (rule_id, seq_id)
        );
        CREATE INDEX IF NOT EXISTS alarm_rule_versions_meter ON alarm_rule_versions (meter_id);
        -- Rules defined before versions were kept: their description in force from -infinity (to their deletion).
        INSERT INTO alarm_rule_versions
        SELECT r.id, v.seq, v.at, v.live, r.name, r.alarm_id, r.meter_id, r.parameter, r.lower_limit, r.upper_limit
        FROM alarm_status_rules r
        CROSS JOIN LATERAL (VALUES (0::bigint, '-infinity'::timestamptz, true), (1::bigint, r.deleted_at, false)) AS v(seq, at, live)
        WHERE v.at IS NOT NULL AND NOT EXISTS (SELECT FROM alarm_rule_versions x WHERE x.rule_id = r.id);
        CREATE INDEX IF NOT EXISTS alarm_status_rules_live_meter ON alarm_status_rules (meter_id) WHERE deleted_at IS NULL;
        CREATE INDEX IF NOT EXISTS alarm_status_rules_live_alarm ON alarm_status_rules (alarm_id) WHERE deleted_at IS NULL;
        """;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        await using var batch = new CatalogBatch(context);
        foreach (var run in CatalogBatch.Runs(events))
        {
            switch (run[0].Data)
            {
                case AlarmDefined or AlarmChanged:
                    var alarms = run.Select(e => e.Data switch
                    {
                        AlarmDefined d => (d.AlarmId, d.Details),
                        AlarmChanged c => (c.AlarmId, c.Details),
                        _ => throw new InvalidOperationException(),
                    }).GroupBy(a => a.AlarmId).Select(g => g.Last()).ToList();
                    batch.Add("""
                        INSERT INTO alarm_status (id, name, level, type, notify, address)
                        SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::int[], $5::int[], $6::text[])
                        ON CONFLICT (id) DO UPDATE SET name = excluded.name, level = excluded.level, type = excluded.type,
                            notify = excluded.notify, address = excluded.address
                        """,
                        alarms.Select(a => a.AlarmId).ToArray(), alarms.Select(a => a.Details.Name).ToArray(),
                        alarms.Select(a => (int)a.Details.Level).ToArray(), alarms.Select(a => (int)a.Details.Type).ToArray(),
                        alarms.Select(a => (int)a.Details.Notify).ToArray(), alarms.Select(a => a.Details.Address).ToArray());
                    break;
                case AlarmDeleted:
                    var deleted = CatalogBatch.LastPer<AlarmDeleted>(run, e => e.AlarmId);
                    batch.Add("UPDATE alarm_status a SET deleted_at = u.at FROM unnest($1::bigint[], $2::timestamptz[]) AS u(id, at) WHERE a.id = u.id",
                        deleted.Select(e => e.AlarmId).ToArray(), deleted.Select(e => CatalogBatch.Utc(e.DeletedAt)).ToArray());
                    break;
                case AlarmRuleDefined or AlarmRuleChanged:
                    var rules = run.Select(e => e.Data switch
                    {
                        AlarmRuleDefined d => (d.RuleId, d.Details),
                        AlarmRuleChanged c => (c.RuleId, c.Details),
                        _ => throw new InvalidOperationException(),
                    }).GroupBy(r => r.RuleId).Select(g => g.Last()).ToList();
                    batch.Add("""
                        INSERT INTO alarm_status_rules (id, name, alarm_id, meter_id, parameter, lower_limit, upper_limit)
                        SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::numeric[], $7::numeric[])
                        ON CONFLICT (id) DO UPDATE SET name = excluded.name, alarm_id = excluded.alarm_id, meter_id = excluded.meter_id,
                            parameter = excluded.parameter, lower_limit = excluded.lower_limit, upper_limit = excluded.upper_limit
                        """,
                        rules.Select(r => r.RuleId).ToArray(), rules.Select(r => r.Details.Name).ToArray(),
                        rules.Select(r => r.Details.AlarmId).ToArray(), rules.Select(r => r.Details.MeterId).ToArray(),
                        rules.Select(r => r.Details.Parameter).ToArray(), rules.Select(r => r.Details.LowerLimit).ToArray(),
                        rules.Select(r => r.Details.UpperLimit).ToArray());
                    Versioned(batch, run);
                    break;
                case AlarmRuleDeleted:
                    var gone = CatalogBatch.LastPer<AlarmRuleDeleted>(run, e => e.RuleId);
                    batch.Add("UPDATE alarm_status_rules r SET deleted_at = u.at FROM unnest($1::bigint[], $2::timestamptz[]) AS u(id, at) WHERE r.id = u.id",
                        gone.Select(e => e.RuleId).ToArray(), gone.Select(e => CatalogBatch.Utc(e.DeletedAt)).ToArray());
                    var deletions = run.Select(e => (Event: (AlarmRuleDeleted)e.Data, e.SeqId)).ToList();
                    batch.Add("""
                        INSERT INTO alarm_rule_versions
                        SELECT r.id, u.seq, u.at, false, r.name, r.alarm_id, r.meter_id, r.parameter, r.lower_limit, r.upper_limit
                        FROM unnest($1::bigint[], $2::bigint[], $3::timestamptz[]) AS u(id, seq, at) JOIN alarm_status_rules r ON r.id = u.id
                        ON CONFLICT DO NOTHING
                        """, deletions.Select(d => d.Event.RuleId).ToArray(), deletions.Select(d => d.SeqId).ToArray(),
                        deletions.Select(d => CatalogBatch.Utc(d.Event.DeletedAt)).ToArray());
                    break;
            }
        }

        await batch.ExecuteAsync(ct);
    }

    public async Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await CatalogBatch.TruncateAsync(connection, transaction, "alarm_status", ct);
        await CatalogBatch.TruncateAsync(connection, transaction, "alarm_status_rules", ct);
        await CatalogBatch.TruncateAsync(connection, transaction, "alarm_rule_versions", ct);
    }

    /// <summary>A version per definition (in force from -infinity) and per change (from the change's instant).</summary>
    private static void Versioned(CatalogBatch batch, IReadOnlyList<EventEnvelope> run)
    {
        var versions = run.Select(e => e.Data switch
        {
            AlarmRuleDefined d => (d.RuleId, e.SeqId, From: CatalogBatch.Utc(DateTimeOffset.MinValue), d.Details),
            AlarmRuleChanged c => (c.RuleId, e.SeqId, From: CatalogBatch.Utc(e.Timestamp), c.Details),
            _ => throw new InvalidOperationException(e.Type),
        }).ToList();
        batch.Add("""
            INSERT INTO alarm_rule_versions
            SELECT id, seq, at, true, name, alarm, meter, parameter, lower, upper
            FROM unnest($1::bigint[], $2::bigint[], $3::timestamptz[], $4::text[], $5::bigint[], $6::bigint[], $7::text[], $8::numeric[], $9::numeric[])
                AS u(id, seq, at, name, alarm, meter, parameter, lower, upper)
            ON CONFLICT DO NOTHING
            """,
            versions.Select(v => v.RuleId).ToArray(), versions.Select(v => v.SeqId).ToArray(), versions.Select(v => v.From).ToArray(),
            versions.Select(v => v.Details.Name).ToArray(), versions.Select(v => v.Details.AlarmId).ToArray(),
            versions.Select(v => v.Details.MeterId).ToArray(), versions.Select(v => v.Details.Parameter).ToArray(),
            versions.Select(v => v.Details.LowerLimit).ToArray(), versions.Select(v => v.Details.UpperLimit).ToArray());
    }
}
