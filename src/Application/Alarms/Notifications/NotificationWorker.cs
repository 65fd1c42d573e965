using Energy.Domain.Alarms;
using Energy.Application.EventStore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Energy.Application.Alarms.Notifications;

/// <summary>
/// Delivers the outbox. A due row is claimed for a lease in its own committed transaction (so another instance,
/// or this one after a restart, leaves it alone until the lease runs out), sent, and only then marked delivered
/// together with <see cref="NotificationDelivered"/>. A host that dies mid-send leaves the claim to expire and the
/// row is sent again: at-least-once towards the gateway, with the record id as dedupe key (SMTP Message-ID,
/// HTTP Idempotency-Key) so a gateway that honours it delivers once. Failures are retried with exponential
/// backoff up to <see cref="NotificationOptions.MaxAttempts"/>, each recorded as <see cref="NotificationFailed"/>.
/// </summary>
public sealed partial class NotificationWorker(
    NpgsqlDataSource dataSource, IEventStore store, NotificationSender sender, NotificationOptions options, ILogger<NotificationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ClaimAsync(stoppingToken) is { } claimed)
                {
                    await DeliverAsync(claimed.Notification, claimed.Attempt, stoppingToken);
                    continue;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogLoopFailed(logger, e);
            }

            await Task.Delay(options.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task DeliverAsync(Notification notification, int attempt, CancellationToken ct)
    {
        string? error = null;
        try
        {
            await sender.SendAsync(notification, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            error = e.Message;
        }

        var givenUp = error is not null && attempt >= options.MaxAttempts;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand("""
            UPDATE alarm_outbox SET state = $2, claimed_until = NULL, last_error = $3, next_attempt_at = now() + $4
            WHERE record_id = $1 AND state = 'pending' AND attempts = $5
            """, conn, tx))
        {
            cmd.Parameters.Add(new() { Value = notification.RecordId });
            cmd.Parameters.Add(new() { Value = error is null ? "delivered" : givenUp ? "failed" : "pending" });
            cmd.Parameters.Add(new() { Value = error ?? "" });
            cmd.Parameters.Add(new() { Value = options.RetryBackoff * Math.Pow(2, attempt - 1) });
            cmd.Parameters.Add(new() { Value = attempt });
            if (await cmd.ExecuteNonQueryAsync(ct) == 0)
            {
                // Our lease ran out and another delivery took the row over: its outcome is the one recorded.
                return;
            }
        }

        var at = DateTimeOffset.UtcNow;
        object outcome = error is null
            ? new NotificationDelivered(notification.RecordId, notification.Channel, notification.Address, attempt, at)
            : new NotificationFailed(notification.RecordId, notification.Channel, notification.Address, attempt, error, givenUp, at);
        await store.AppendAsync(conn, tx, AppendRequest.To(NotificationDelivered.StreamId(notification.RecordId), ExpectedVersion.Any, [outcome], streamType: "notification"), ct);
        await tx.CommitAsync(ct);
        if (error is not null)
        {
            LogAttemptFailed(logger, notification.RecordId, attempt, error);
        }
    }

    private async Task<(Notification Notification, int Attempt)?> ClaimAsync(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE alarm_outbox SET claimed_until = now() + $1, attempts = attempts + 1
            WHERE record_id = (
                SELECT record_id FROM alarm_outbox
                WHERE state = 'pending' AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
                ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING record_id, channel, address, subject, body, attempts
            """);
        cmd.Parameters.Add(new() { Value = options.Lease });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return (new Notification(reader.GetInt64(0), (NotifyChannel)reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)), reader.GetInt32(5));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification of alarm record {RecordId} failed (attempt {Attempt}): {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, long recordId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The notification loop failed; it goes on after a pause")]
    private static partial void LogLoopFailed(ILogger logger, Exception error);
}
