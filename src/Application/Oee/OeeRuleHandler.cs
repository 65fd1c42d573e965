using Energy.Application.Common;
using Energy.Application.Meters;
using Energy.Domain.Oee;
using Npgsql;

namespace Energy.Application.Oee;

/// <summary>
/// Seed 7.2–7.4: add, change and remove OEE status rules, one stream <c>oee_rule-&lt;id&gt;</c> each. Every
/// change carries the instant it applies from (now): readings taken earlier keep being judged by the old rule.
/// </summary>
public sealed class OeeRuleHandler(StreamCommands commands, Ids ids, TimeProvider clock)
{
    public const string NameKind = "oee_rule";

    public async Task<long> AddAsync(OeeRuleDetails details, Actor actor, CancellationToken ct = default)
    {
        details = Trimmed(details);
        var id = await ids.NextAsync(NameKind, ct);
        await Handle(id, new AddOeeRule(id, details, clock.GetUtcNow()), actor, async (conn, tx, _) =>
        {
            await CheckCatalogAsync(conn, tx, details, ct);
            await UniqueNames.ReserveAsync(conn, tx, NameKind, "OEE rule", details.Name, id, ct);
        }, ct);
        return id;
    }

    public async Task ChangeAsync(long id, OeeRuleDetails details, Actor actor, CancellationToken ct = default)
    {
        details = Trimmed(details);
        await Handle(id, new ChangeOeeRule(id, details, clock.GetUtcNow()), actor, async (conn, tx, _) =>
        {
            await CheckCatalogAsync(conn, tx, details, ct);
            await UniqueNames.ReserveAsync(conn, tx, NameKind, "OEE rule", details.Name, id, ct);
            await UniqueNames.ReleaseAsync(conn, tx, NameKind, id, details.Name, ct);
        }, ct);
    }

    public Task<OeeRule> RemoveAsync(long id, Actor actor, CancellationToken ct = default) =>
        Handle(id, new RemoveOeeRule(id, clock.GetUtcNow()), actor,
            (conn, tx, _) => UniqueNames.ReleaseAsync(conn, tx, NameKind, id, null, ct), ct);

    private Task<OeeRule> Handle(long id, OeeRuleCommand command, Actor actor, Func<NpgsqlConnection, NpgsqlTransaction, IReadOnlyList<object>, Task> alongside, CancellationToken ct) =>
        CatalogErrors.Translate(() => commands.HandleAsync(
            OeeRule.StreamId(id), OeeRule.None, OeeRule.Evolve, state => OeeRuleDecider.Decide(command, state), actor, alongside, ct));

    /// <summary>
    /// 4004 unless the machine and the meter are live and the meter is on that machine. Checked inside the append
    /// with the machine's row locked FOR SHARE (as meter creation does), so a concurrent delete cannot slip between.
    /// </summary>
    private static async Task CheckCatalogAsync(NpgsqlConnection conn, NpgsqlTransaction tx, OeeRuleDetails details, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT (SELECT deleted_at IS NULL FROM machines WHERE id = $1 FOR SHARE),
                   (SELECT machine_id FROM meters WHERE id = $2 AND deleted_at IS NULL)
            """, conn, tx);
        cmd.Parameters.Add(new() { Value = details.MachineId });
        cmd.Parameters.Add(new() { Value = details.MeterId });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (reader.IsDBNull(0) || !reader.GetBoolean(0))
        {
            throw ContractError.DataError($"Meter_Superior_id {details.MachineId} is not a live machine");
        }

        if (reader.IsDBNull(1))
        {
            throw ContractError.DataError($"Meter_id {details.MeterId} is not a live meter");
        }

        if (reader.GetInt64(1) != details.MachineId)
        {
            throw ContractError.DataError($"Meter_id {details.MeterId} belongs to machine {reader.GetInt64(1)}, not to Meter_Superior_id {details.MachineId}");
        }
    }

    private static OeeRuleDetails Trimmed(OeeRuleDetails details) =>
        details with { Name = details.Name.Trim(), StatusName = details.StatusName.Trim(), Parameter = details.Parameter.Trim() };
}
