using Energy.Application.EventStore;

namespace Energy.Application.Alarms.Evaluation;

/// <summary>
/// The reactors' own state. Not read models: a rebuild never touches them, because they record what has been
/// raised (the effect log) as much as what was seen.
/// </summary>
public sealed class AlarmEvaluationSchema : ISchemaContributor
{
    public int Order => 110;

    public string Sql => """
        -- Type 2: each rule's judged samples by reading time, and the episodes raised (started_at is the effect key).
        CREATE TABLE IF NOT EXISTS alarm_rule_samples (
            rule_id bigint NOT NULL, at timestamptz NOT NULL, value numeric NOT NULL, PRIMARY KEY (rule_id, at));
        -- The limits of the rule's version in force at the sample's instant (null: kept before versions; judged by the current ones).
        ALTER TABLE alarm_rule_samples ADD COLUMN IF NOT EXISTS lower_limit numeric, ADD COLUMN IF NOT EXISTS upper_limit numeric;
        CREATE TABLE IF NOT EXISTS alarm_episodes (
            rule_id bigint NOT NULL, started_at timestamptz NOT NULL, cleared_at timestamptz, PRIMARY KEY (rule_id, started_at));
        -- Type 1: counter readings of meters with hourly rules, and the hours raised per rule.
        CREATE TABLE IF NOT EXISTS alarm_meter_counters (
            meter_id bigint NOT NULL, at timestamptz NOT NULL, value numeric NOT NULL, PRIMARY KEY (meter_id, at));
        CREATE TABLE IF NOT EXISTS alarm_hours_raised (
            rule_id bigint NOT NULL, hour timestamptz NOT NULL, PRIMARY KEY (rule_id, hour));
        -- Type 3: (source event, rule) pairs raised.
        CREATE TABLE IF NOT EXISTS alarm_device_events_raised (
            event_id uuid NOT NULL, rule_id bigint NOT NULL, PRIMARY KEY (event_id, rule_id));
        """;
}
