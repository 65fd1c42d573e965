using Npgsql;

namespace Energy.Application.EventStore;

/// <summary>
/// Server settings for one transaction only, as the first command of a batch: <c>set_config(name, value, true)</c>
/// lasts until the transaction ends, and a batch outside an explicit transaction is one implicit transaction
/// (Npgsql sends a single Sync after its last command), so the settings cover exactly the batch's statements and
/// never outlive them on a pooled connection.
/// </summary>
public static class TransactionSettings
{
    public static NpgsqlBatchCommand Command(params (string Name, string Value)[] settings)
    {
        var command = new NpgsqlBatchCommand("SELECT " + string.Join(", ", settings.Select((_, i) => $"set_config(${(2 * i) + 1}, ${(2 * i) + 2}, true)")));
        foreach (var (name, value) in settings)
        {
            command.Parameters.Add(new() { Value = name });
            command.Parameters.Add(new() { Value = value });
        }

        return command;
    }
}
