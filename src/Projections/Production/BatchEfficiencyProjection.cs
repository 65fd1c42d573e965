using Energy.Domain.Production;
using Energy.Application.EventStore;

namespace Energy.Projections.Production;

/// <summary>
/// The batch-efficiency read model (CONTRACT §7 "Output and energy"): each live output record's amount per
/// 15-minute slot on its machine. Design: only the outputs' side is projected; a slot's consumption and the
/// shares are joined at query time (<see cref="OutputSlotReader"/> + the energy reader), because
/// <list type="bullet">
/// <item>a correction or removal rewrites only that output's rows, and every other output's share of the slots
/// it shared moves with it (shares are amount ÷ the slot's sum, computed when asked);</item>
/// <item>a late reading inside an output's window changes the energy read model's slots, which the query reads,
/// so no second copy of consumption has to be kept current here (and As_Of figures stay the energy model's job).</item>
/// </list>
/// Rebuildable blue/green: it writes only <c>production_output_slots</c> through <see cref="ProjectionContext.Table"/>.
/// </summary>
public sealed class BatchEfficiencyProjection : IProjection
{
    public const string SlotsTable = "production_output_slots";

    public string Name => "batch_efficiency";

    public IReadOnlyCollection<string>? EventTypes { get; } =
        [nameof(OutputRecorded), nameof(OutputCorrected), nameof(OutputRemoved)];

    public IReadOnlyList<string> Tables { get; } = [SlotsTable];

    public string TablesSql(string suffix) => $"""
        CREATE TABLE IF NOT EXISTS {SlotsTable}{suffix} (
            output_id  bigint      NOT NULL,
            machine_id bigint      NOT NULL,
            slot       timestamptz NOT NULL,
            amount     numeric     NOT NULL,
            PRIMARY KEY (output_id, slot)
        );
        CREATE INDEX IF NOT EXISTS {SlotsTable}{suffix}_by_machine ON {SlotsTable}{suffix} (machine_id, slot);
        """;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        // Only the last event per output in the batch matters: its slots replace whatever the output had.
        var latest = new Dictionary<long, OutputDetails?>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case OutputRecorded r:
                    latest[r.OutputId] = r.Details;
                    break;
                case OutputCorrected c:
                    latest[c.OutputId] = c.Details;
                    break;
                case OutputRemoved r:
                    latest[r.OutputId] = null;
                    break;
            }
        }

        if (latest.Count == 0)
        {
            return;
        }

        var rows = latest.Where(p => p.Value is not null)
            .SelectMany(p => OutputSharing.Spread(p.Value!.Amount, p.Value.Start, p.Value.End).Select(s => (Output: p.Key, p.Value.MachineId, s.Slot, s.Amount)))
            .ToList();
        var table = context.Table(SlotsTable);
        await using var batch = new Npgsql.NpgsqlBatch(context.Connection, context.Transaction);
        var delete = new Npgsql.NpgsqlBatchCommand($"DELETE FROM {table} WHERE output_id = ANY($1)");
        delete.Parameters.Add(new() { Value = latest.Keys.ToArray() });
        batch.BatchCommands.Add(delete);
        var insert = new Npgsql.NpgsqlBatchCommand($"""
            INSERT INTO {table} (output_id, machine_id, slot, amount)
            SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::timestamptz[], $4::numeric[])
            """);
        insert.Parameters.Add(new() { Value = rows.Select(r => r.Output).ToArray() });
        insert.Parameters.Add(new() { Value = rows.Select(r => r.MachineId).ToArray() });
        insert.Parameters.Add(new() { Value = rows.Select(r => r.Slot.UtcDateTime).ToArray() });
        insert.Parameters.Add(new() { Value = rows.Select(r => r.Amount).ToArray() });
        batch.BatchCommands.Add(insert);
        await batch.ExecuteNonQueryAsync(ct);
    }
}
