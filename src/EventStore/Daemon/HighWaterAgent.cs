using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Energy.EventStore;

/// <summary>
/// Knows the high-water mark: the highest sequence number under which every number is committed or known
/// dead. Projections never read past it, so an event committed late under a lower number is never skipped.
/// One host (the leader) detects and tombstones; the others read the mark it stores.
/// </summary>
public sealed partial class HighWaterAgent(
    NpgsqlDataSource dataSource,
    AppendSignal signal,
    IOptions<DaemonOptions> options,
    TimeProvider clock,
    ILogger<HighWaterAgent> logger)
{
    public const string ProgressionName = "$high_water";
    private const int DetectionWindow = 50_000;
    private readonly GapClock gaps = new();
    private long mark;

    /// <summary>The mark as this host last knew it.</summary>
    public long Mark => Interlocked.Read(ref mark);

    public DateTimeOffset Heartbeat { get; private set; }

    public bool IsLeader { get; private set; }

    /// <summary>Raised whenever the mark rises, so runners wake at once.</summary>
    public AppendSignal Advanced { get; } = new();

    internal async Task RunAsync(CancellationToken ct)
    {
        await EnsureRowAsync(ct);
        while (!ct.IsCancellationRequested)
        {
            await using var leadership = await LeaderLock.TryAcquireAsync(dataSource, ProgressionName, ct);
            IsLeader = leadership is not null;
            var followerUntil = clock.GetUtcNow() + options.Value.LeaderRetry;
            while (!ct.IsCancellationRequested && (IsLeader || clock.GetUtcNow() < followerUntil))
            {
                Heartbeat = clock.GetUtcNow();
                var before = Mark;
                var after = IsLeader ? await DetectAsync(before, ct) : await ReadStoredAsync(ct);
                if (after > before)
                {
                    Interlocked.Exchange(ref mark, after);
                    Advanced.Raise();
                    if (after - before < DetectionWindow)
                    {
                        // Caught up: let a stream of small appends gather for a moment, so it costs one detection
                        // (and one wake-up of every processor) per interval rather than one per append.
                        await Task.Delay(options.Value.HighWaterCoalesce, ct);
                    }

                    continue;
                }

                if (IsLeader && !await leadership!.IsHeldAsync(ct))
                {
                    break;
                }

                await signal.WaitAsync(options.Value.PollInterval, ct);
            }
        }
    }

    /// <summary>Waits until the mark is above <paramref name="floor"/> or the poll interval passes.</summary>
    public Task WaitAboveAsync(long floor, CancellationToken ct) =>
        Mark > floor ? Task.CompletedTask : Advanced.WaitAsync(options.Value.PollInterval, ct);

    private async Task EnsureRowAsync(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(
            "INSERT INTO progression (name, kind) VALUES ($1, 'high_water') ON CONFLICT DO NOTHING");
        cmd.Parameters.Add(new() { Value = ProgressionName });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<long> ReadStoredAsync(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT last_seq_id FROM progression WHERE name = $1");
        cmd.Parameters.Add(new() { Value = ProgressionName });
        return await cmd.ExecuteScalarAsync(ct) is long stored ? stored : 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "High-water mark: sequence numbers {From}..{To} were missing for {Waited} (since {FirstSeen:o}); tombstoned and skipped")]
    private static partial void LogSkip(ILogger logger, long from, long to, TimeSpan waited, DateTimeOffset firstSeen);
}
