using Dapper;
using Energy.Application.Tests.EventStore.Support;
using Energy.Testing;

namespace Energy.Application.Tests.EventStore.Appending;

public sealed class AppendingTests
{
    private static Task<StoreHost> StoreAsync() =>
        PostgresCluster.CreateDatabaseAsync("append").ContinueWith(t => StoreHost.StartAsync(t.Result, tune: o => o.Enabled = false)).Unwrap();

    [Fact]
    public async Task Events_come_back_in_order_with_their_metadata()
    {
        await using var host = await StoreAsync();
        var metadata = new EventMetadata("corr-1", "cause-1", "alice", new Dictionary<string, string> { ["source"] = "test" });
        var result = await host.Store.AppendAsync(AppendRequest.To("counter-1", ExpectedVersion.NoStream, [new CounterIncremented(1), new NoteWritten("你好", 12.3456789m)], metadata));

        result.Streams.ShouldHaveSingleItem().Version.ShouldBe(2);
        var events = await host.Store.ReadStreamAsync("counter-1");
        events.Select(e => e.Version).ShouldBe([1L, 2L]);
        events[0].Data.ShouldBe(new CounterIncremented(1));
        events[1].Data.ShouldBe(new NoteWritten("你好", 12.3456789m));
        events[1].Type.ShouldBe("NoteWritten");
        events.ShouldAllBe(e => e.CorrelationId == "corr-1" && e.CausationId == "cause-1" && e.UserName == "alice" && e.Headers!["source"] == "test");
        events[1].SeqId.ShouldBeGreaterThan(events[0].SeqId);
    }

    [Fact]
    public async Task A_wrong_expected_version_is_a_typed_conflict_and_appends_nothing()
    {
        await using var host = await StoreAsync();
        await host.Store.AppendAsync(AppendRequest.To("s", ExpectedVersion.NoStream, [new CounterIncremented(1)]));

        var conflict = await Should.ThrowAsync<StreamVersionConflictException>(
            host.Store.AppendAsync(AppendRequest.To("s", ExpectedVersion.Exactly(5), [new CounterIncremented(2)])));
        conflict.Actual.ShouldBe(1);
        await Should.ThrowAsync<StreamVersionConflictException>(
            host.Store.AppendAsync(AppendRequest.To("s", ExpectedVersion.NoStream, [new CounterIncremented(2)])));

        (await host.Store.ReadStreamAsync("s")).Count.ShouldBe(1);
        await host.Store.AppendAsync(AppendRequest.To("s", ExpectedVersion.Exactly(1), [new CounterIncremented(3)]));
        await host.Store.AppendAsync(AppendRequest.To("s", ExpectedVersion.Any, [new CounterIncremented(4)]));
        (await host.Store.StreamVersionAsync("s")).ShouldBe(3);
    }

    [Fact]
    public async Task Two_writers_racing_on_one_stream_one_wins_and_the_loser_leaves_no_sequence_gap()
    {
        await using var host = await StoreAsync();
        await host.Store.AppendAsync(AppendRequest.To("race", ExpectedVersion.NoStream, [new CounterIncremented(0)]));

        for (var round = 1; round <= 20; round++)
        {
            var current = await host.Store.StreamVersionAsync("race");
            using var start = new Barrier(2);
            var writers = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
            {
                start.SignalAndWait();
                try
                {
                    await host.Store.AppendAsync(AppendRequest.To("race", ExpectedVersion.Exactly(current), [new CounterIncremented(w), new CounterIncremented(w)]));
                    return true;
                }
                catch (StreamVersionConflictException)
                {
                    return false;
                }
            })).ToArray();
            (await Task.WhenAll(writers)).Count(won => won).ShouldBe(1, $"round {round}");
            (await host.Store.StreamVersionAsync("race")).ShouldBe(current + 2);
        }

        await using var conn = await host.DataSource.OpenConnectionAsync();
        var (count, max) = await conn.QuerySingleAsync<(long, long)>("SELECT count(*), max(seq_id) FROM mt_events");
        max.ShouldBe(count, "every sequence number taken belongs to a committed event: the losers took none");
        (await conn.ExecuteScalarAsync<long>("SELECT last_value FROM mt_events_sequence")).ShouldBe(count);
    }

    [Fact]
    public async Task One_append_to_several_streams_commits_all_or_nothing()
    {
        await using var host = await StoreAsync();
        await host.Store.AppendAsync(AppendRequest.To("b", ExpectedVersion.NoStream, [new CounterIncremented(1)]));

        var both = new AppendRequest([
            new StreamAppend("a", ExpectedVersion.NoStream, [new CounterIncremented(1)]),
            new StreamAppend("b", ExpectedVersion.NoStream, [new CounterIncremented(2)]),
        ]);
        await Should.ThrowAsync<StreamVersionConflictException>(host.Store.AppendAsync(both));
        (await host.Store.StreamVersionAsync("a")).ShouldBe(0);

        await host.Store.AppendAsync(both with { Streams = [both.Streams[0], both.Streams[1] with { Expected = ExpectedVersion.Exactly(1) }] });
        (await host.Store.StreamVersionAsync("a")).ShouldBe(1);
        (await host.Store.StreamVersionAsync("b")).ShouldBe(2);
    }
}
