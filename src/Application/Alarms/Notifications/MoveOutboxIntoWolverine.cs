using Energy.Domain.Alarms;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Wolverine.Marten;

namespace Energy.Application.Alarms.Notifications;

/// <summary>
/// A database from before Wolverine delivered notifications keeps the undelivered ones in <c>alarm_outbox</c>:
/// at the first start they are handed to Wolverine's queue and the table is dropped, in one transaction (a second
/// host starting at the same time fails on the dropped table and hands over nothing). Attempts start again at 1.
/// </summary>
public sealed partial class MoveOutboxIntoWolverine(NpgsqlDataSource dataSource, IServiceProvider services, ILogger<MoveOutboxIntoWolverine> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await PendingAsync(cancellationToken) is not { } pending)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
        await using var session = scope.ServiceProvider.GetRequiredService<IDocumentStore>().LightweightSession();
        outbox.Enroll(session);
        foreach (var notification in pending)
        {
            await outbox.SendAsync(notification);
        }

        session.QueueSqlCommand("DROP TABLE alarm_outbox");
        await session.SaveChangesAsync(cancellationToken);
        LogMoved(logger, pending.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<List<Notification>?> PendingAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('alarm_outbox') IS NOT NULL", conn))
        {
            if (await exists.ExecuteScalarAsync(ct) is not true)
            {
                return null;
            }
        }

        await using var cmd = new NpgsqlCommand(
            "SELECT record_id, channel, address, subject, body FROM alarm_outbox WHERE state = 'pending' ORDER BY record_id", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var pending = new List<Notification>();
        while (await reader.ReadAsync(ct))
        {
            pending.Add(new Notification(reader.GetInt64(0), (NotifyChannel)reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return pending;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handed {Count} undelivered alarm notifications from alarm_outbox to Wolverine's queue")]
    private static partial void LogMoved(ILogger logger, int count);
}
