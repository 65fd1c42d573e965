using Energy.Domain.Oee;
using Energy.Application.EventStore;
using Energy.Projections.Meters;

namespace Energy.Projections.Oee;

/// <summary>
/// Each machine's status timeline (7.5 records, 7.6 seconds), folded from the status reactor's events: a change
/// adds a row, a correction drops the rows at or after its instant (the re-issued changes follow it). Rebuildable:
/// the events say everything, so a rebuild gives the same rows.
/// </summary>
public sealed class OeeTimelineProjection : IProjection
{
    public const string Timeline = "oee_timeline";

    public string Name => "oee_timeline";

    public IReadOnlyCollection<string>? EventTypes { get; } = [nameof(OeeStatusChanged), nameof(OeeStatusTimelineCorrected)];

    public IReadOnlyList<string> Tables { get; } = [Timeline];

    public string TablesSql(string suffix) => $"""
        CREATE TABLE IF NOT EXISTS {Timeline}{suffix} (
            machine_id  bigint      NOT NULL,
            at          timestamptz NOT NULL,
            from_status text        NOT NULL,
            to_status   text        NOT NULL,
            PRIMARY KEY (machine_id, at)
        );
        """;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        var table = context.Table(Timeline);
        await using var batch = new CatalogBatch(context);
        foreach (var run in CatalogBatch.Runs(events))
        {
            if (run[0].Data is OeeStatusTimelineCorrected)
            {
                var corrections = run.Select(e => (OeeStatusTimelineCorrected)e.Data).ToList();
                batch.Add($"""
                    DELETE FROM {table} t USING unnest($1::bigint[], $2::timestamptz[]) AS u(machine, since)
                    WHERE t.machine_id = u.machine AND t.at >= u.since
                    """, corrections.Select(c => c.MachineId).ToArray(), corrections.Select(c => CatalogBatch.Utc(c.Since)).ToArray());
                continue;
            }

            // A correction always precedes a re-issued change, so a key never repeats; the last one wins if it did.
            var changes = run.Select(e => (OeeStatusChanged)e.Data).GroupBy(c => (c.MachineId, c.At)).Select(g => g.Last()).ToList();
            batch.Add($"""
                INSERT INTO {table} (machine_id, at, from_status, to_status)
                SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[])
                ON CONFLICT (machine_id, at) DO UPDATE SET from_status = excluded.from_status, to_status = excluded.to_status
                """, changes.Select(c => c.MachineId).ToArray(), changes.Select(c => CatalogBatch.Utc(c.At)).ToArray(),
                changes.Select(c => c.From).ToArray(), changes.Select(c => c.To).ToArray());
        }

        await batch.ExecuteAsync(ct);
    }
}
