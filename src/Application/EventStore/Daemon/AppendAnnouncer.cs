using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Energy.Application.EventStore;

/// <summary>
/// Tells the other hosts on the database that this one committed appends, so the host running the daemon's shards
/// (HotCold: maybe not this one) wakes at once instead of at its next poll. One <c>pg_notify</c> in its own short
/// transaction, at most once per <see cref="DaemonOptions.AnnounceInterval"/> however many appends committed: the
/// appending transactions send nothing themselves and so never queue on NOTIFY's commit lock.
/// </summary>
internal sealed partial class AppendAnnouncer(
    NpgsqlDataSource dataSource,
    AppendSignal signal,
    IOptions<DaemonOptions> options,
    TimeProvider clock,
    ILogger<AppendAnnouncer> logger) : BackgroundService
{
    /// <summary>The channel of the announcements; the payload is the announcing host's <see cref="AppendSignal.HostId"/>.</summary>
    public const string Channel = "energy_events_appended";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.AnnounceInterval <= TimeSpan.Zero)
        {
            return;
        }

        var announced = 0L;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Every commit counted here happened before the NOTIFY below, so it covers them all.
                var commits = await signal.WaitForLocalCommitsAfterAsync(announced, stoppingToken);
                await using (var announce = dataSource.CreateCommand("SELECT pg_notify($1, $2)"))
                {
                    announce.Parameters.Add(new NpgsqlParameter { Value = Channel });
                    announce.Parameters.Add(new NpgsqlParameter { Value = signal.HostId });
                    await announce.ExecuteNonQueryAsync(stoppingToken);
                }

                announced = commits;
                await Task.Delay(options.Value.AnnounceInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Nothing is lost: the other hosts see the events at their next poll.
                LogFailed(logger, e);
                await Task.Delay(options.Value.RetryBackoff, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcing appended events to the other hosts failed; they see them at their next poll")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
