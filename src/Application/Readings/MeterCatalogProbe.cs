using Npgsql;

namespace Energy.Application.Readings;

/// <summary>
/// What the meter catalog's read model offers right now. The catalog (meters, <c>Meter_Code</c> bindings) is
/// written concurrently by another feature, so readings only lean on it when its table is there.
/// TODO(catalog): once <c>meters</c>/<c>meter_bindings</c> are merged, replace these probes with plain joins.
/// </summary>
public static class MeterCatalogProbe
{
    /// <summary>The columns of table <c>meters</c>, empty when the table does not exist (<c>to_regclass</c>).</summary>
    public static async Task<HashSet<string>> MeterColumnsAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT a.attname FROM pg_attribute a
            WHERE a.attrelid = to_regclass('meters') AND a.attnum > 0 AND NOT a.attisdropped
            """, conn);
        var columns = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
