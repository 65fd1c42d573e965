using Energy.Application.Common;
using Energy.Application.EventStore;
using Npgsql;
using Spectre.Console;

namespace Energy.Http.Cli;

/// <summary>
/// <c>events tail</c>: the last events, then (with --follow) new ones as they commit. Sequence numbers are
/// taken before commit, so a slow writer can commit below one already printed: the tail holds its cursor at
/// such a gap for <see cref="GapPatience"/> (as the daemon's high-water mark does) and prints the late event
/// when it arrives, instead of skipping it.
/// </summary>
internal static class EventTail
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(5);
    private const int Page = 1000;

    public static async Task<int> RunAsync(CliContext cli, int count, bool follow, CancellationToken ct)
    {
        await using var host = await cli.StartHostAsync(daemon: false, ct);
        var store = host.Get<IEventStore>();
        var plantTime = host.Get<PlantTime>();
        var cursor = await StartAsync(host.Get<NpgsqlDataSource>(), count, ct);
        cli.Console.WriteLine($"{"Seq",10}  {"Time",-19}  {"Stream",-24}  {"Type",-32}  User");
        void Print(EventEnvelope e) =>
            cli.Console.WriteLine($"{e.SeqId,10}  {plantTime.Format(e.Timestamp),-19}  {e.StreamId,-24}  {e.Type,-32}  {e.UserName}");

        IReadOnlyList<EventEnvelope> page;
        do
        {
            page = await store.ReadAllAsync(cursor, long.MaxValue, Page, ct: ct);
            foreach (var e in page)
            {
                Print(e);
                cursor = e.SeqId;
            }
        }
        while (page.Count == Page);

        return follow ? await FollowAsync(store, cursor, Print, ct) : 0;
    }

    private static async Task<int> FollowAsync(IEventStore store, long cursor, Action<EventEnvelope> print, CancellationToken ct)
    {
        var printed = new SortedSet<long>();
        (long At, DateTimeOffset Since)? gap = null;
        while (!ct.IsCancellationRequested)
        {
            var page = await store.ReadAllAsync(cursor, long.MaxValue, Page, ct: ct);
            foreach (var e in page.Where(e => printed.Add(e.SeqId)))
            {
                print(e);
            }

            while (printed.Count > 0 && printed.Min == cursor + 1)
            {
                cursor = printed.Min;
                printed.Remove(cursor);
            }

            if (printed.Count == 0)
            {
                gap = null;
            }
            else if (gap?.At != cursor)
            {
                gap = (cursor, DateTimeOffset.UtcNow);
            }
            else if (DateTimeOffset.UtcNow - gap.Value.Since > GapPatience)
            {
                // Rolled back or tombstoned: nothing will ever commit there.
                cursor = printed.Min - 1;
                gap = null;
            }

            if (page.Count < Page)
            {
                try
                {
                    await Task.Delay(Poll, ct);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        return 0;
    }

    /// <summary>The sequence number just below the <paramref name="count"/>-th newest event (an index scan, not a count).</summary>
    private static async Task<long> StartAsync(NpgsqlDataSource dataSource, int count, CancellationToken ct)
    {
        if (count == 0)
        {
            await using var last = dataSource.CreateCommand("SELECT coalesce(max(seq_id), 0) FROM mt_events");
            return (long)(await last.ExecuteScalarAsync(ct))!;
        }

        await using var cmd = dataSource.CreateCommand($"""
            SELECT seq_id - 1 FROM mt_events WHERE stream_id NOT IN {EventEnvelope.TombstoneStreams} ORDER BY seq_id DESC OFFSET $1 LIMIT 1
            """);
        cmd.Parameters.Add(new() { Value = count - 1 });
        return await cmd.ExecuteScalarAsync(ct) is long seq ? seq : 0;
    }
}
