using Energy.Domain.Oee;
using Energy.Application.EventStore;
using Energy.Projections.Meters;
using Npgsql;

namespace Energy.Projections.Oee;

/// <summary>
/// The OEE rules behind seed 7.1 (<c>oee_rules</c>, current description) and every version of each rule with
/// the instant it applies from (<c>oee_rule_versions</c>), which the status reactor judges readings by: a rule's
/// first version from -infinity (readings stamped before the rule existed are judged by it, docs/ATTRIBUTION.md),
/// each later edit from the instant it is made, never re-judging what came before. Written in the appending transaction.
/// </summary>
public sealed class OeeRuleList : IInlineProjection, ISchemaContributor
{
    public string Name => "oee_rules";

    public IReadOnlyCollection<string> EventTypes { get; } = [nameof(OeeRuleAdded), nameof(OeeRuleChanged), nameof(OeeRuleRemoved)];

    public string Sql => """
        CREATE TABLE IF NOT EXISTS oee_rules (
            id           bigint PRIMARY KEY,
            name         text    NOT NULL,
            status_name  text    NOT NULL,
            machine_id   bigint  NOT NULL,
            meter_id     bigint  NOT NULL,
            parameter    text    NOT NULL,
            lower_limit  numeric NOT NULL,
            upper_limit  numeric NOT NULL,
            removed_at   timestamptz
        );
        CREATE TABLE IF NOT EXISTS oee_rule_versions (
            rule_id        bigint      NOT NULL,
            seq_id         bigint      NOT NULL,
            effective_from timestamptz NOT NULL,
            live           boolean     NOT NULL,
            name           text        NOT NULL,
            status_name    text        NOT NULL,
            machine_id     bigint      NOT NULL,
            meter_id       bigint      NOT NULL,
            parameter      text        NOT NULL,
            lower_limit    numeric     NOT NULL,
            upper_limit    numeric     NOT NULL,
            PRIMARY KEY (rule_id, seq_id)
        );
        -- A rule's first version is in force from -infinity (docs/ATTRIBUTION.md); versions kept before that rule.
        UPDATE oee_rule_versions v SET effective_from = '-infinity'
        WHERE v.effective_from <> '-infinity' AND v.seq_id = (SELECT min(f.seq_id) FROM oee_rule_versions f WHERE f.rule_id = v.rule_id);
        CREATE INDEX IF NOT EXISTS oee_rule_versions_meter ON oee_rule_versions (meter_id);
        CREATE INDEX IF NOT EXISTS oee_rule_versions_machine ON oee_rule_versions (machine_id);
        """;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        await using var batch = new CatalogBatch(context);
        foreach (var run in CatalogBatch.Runs(events))
        {
            switch (run[0].Data)
            {
                case OeeRuleAdded or OeeRuleChanged:
                    Described(batch, run);
                    break;
                case OeeRuleRemoved:
                    var removed = run.Select(e => (Event: (OeeRuleRemoved)e.Data, e.SeqId)).ToList();
                    batch.Add("""
                        INSERT INTO oee_rule_versions
                        SELECT r.id, u.seq, u.at, false, r.name, r.status_name, r.machine_id, r.meter_id, r.parameter, r.lower_limit, r.upper_limit
                        FROM unnest($1::bigint[], $2::bigint[], $3::timestamptz[]) AS u(id, seq, at) JOIN oee_rules r ON r.id = u.id
                        ON CONFLICT DO NOTHING
                        """, removed.Select(r => r.Event.RuleId).ToArray(), removed.Select(r => r.SeqId).ToArray(),
                        removed.Select(r => CatalogBatch.Utc(r.Event.At)).ToArray());
                    batch.Add("UPDATE oee_rules r SET removed_at = u.at FROM unnest($1::bigint[], $2::timestamptz[]) AS u(id, at) WHERE r.id = u.id",
                        removed.Select(r => r.Event.RuleId).ToArray(), removed.Select(r => CatalogBatch.Utc(r.Event.At)).ToArray());
                    break;
            }
        }

        await batch.ExecuteAsync(ct);
    }

    public async Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await CatalogBatch.TruncateAsync(connection, transaction, "oee_rules", ct);
        await CatalogBatch.TruncateAsync(connection, transaction, "oee_rule_versions", ct);
    }

    /// <summary>Adds and changes both carry the whole description: upsert the rule, add a version.</summary>
    private static void Described(CatalogBatch batch, IReadOnlyList<EventEnvelope> run)
    {
        var all = run.Select(e => e.Data switch
        {
            OeeRuleAdded a => (a.RuleId, a.Details, At: DateTimeOffset.MinValue, e.SeqId),
            OeeRuleChanged c => (c.RuleId, c.Details, c.At, e.SeqId),
            _ => throw new InvalidOperationException(e.Type),
        }).ToList();
        object[] Arrays(IReadOnlyCollection<(long RuleId, OeeRuleDetails Details, DateTimeOffset At, long SeqId)> rows) =>
        [
            rows.Select(r => r.RuleId).ToArray(), rows.Select(r => r.SeqId).ToArray(), rows.Select(r => CatalogBatch.Utc(r.At)).ToArray(),
            rows.Select(r => r.Details.Name).ToArray(), rows.Select(r => r.Details.StatusName).ToArray(),
            rows.Select(r => r.Details.MachineId).ToArray(), rows.Select(r => r.Details.MeterId).ToArray(),
            rows.Select(r => r.Details.Parameter).ToArray(), rows.Select(r => r.Details.Lower).ToArray(), rows.Select(r => r.Details.Upper).ToArray(),
        ];
        const string Unnest = """
            unnest($1::bigint[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::text[], $9::numeric[], $10::numeric[])
                AS u(id, seq, at, name, status, machine, meter, parameter, lower, upper)
            """;
        batch.Add($"""
            INSERT INTO oee_rule_versions
            SELECT id, seq, at, true, name, status, machine, meter, parameter, lower, upper FROM {Unnest}
            ON CONFLICT DO NOTHING
            """, Arrays(all));
        var last = all.GroupBy(r => r.RuleId).Select(g => g.Last()).ToList();
        batch.Add($"""
            INSERT INTO oee_rules (id, name, status_name, machine_id, meter_id, parameter, lower_limit, upper_limit)
            SELECT id, name, status, machine, meter, parameter, lower, upper FROM {Unnest}
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, status_name = excluded.status_name, machine_id = excluded.machine_id,
                meter_id = excluded.meter_id, parameter = excluded.parameter, lower_limit = excluded.lower_limit, upper_limit = excluded.upper_limit
            """, Arrays(last));
    }
}
