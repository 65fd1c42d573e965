using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Energy.Application.EventStore;

/// <summary>
/// LISTENs for <see cref="AppendAnnouncer"/>'s announcements from the other hosts and wakes this host's daemon,
/// so events appended elsewhere are projected here without waiting for the poll. Holds one connection; when it
/// breaks, it connects again and wakes the daemon once for whatever was announced meanwhile.
/// </summary>
internal sealed partial class PeerAppendListener(
    NpgsqlDataSource dataSource,
    AppendSignal signal,
    IOptions<DaemonOptions> options,
    TimeProvider clock,
    ILogger<PeerAppendListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || options.Value.AnnounceInterval <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload != signal.HostId)
                    {
                        signal.RaiseFromPeer();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {AppendAnnouncer.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                signal.RaiseFromPeer();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogBroken(logger, e);
                await Task.Delay(options.Value.RetryBackoff * 10, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other hosts' appends broke; connecting again (until then their events are seen at the poll)")]
    private static partial void LogBroken(ILogger logger, Exception error);
}
