namespace Energy.Application.Tests.EventStore.Support;

/// <summary>Answers every counter event with a note on a stream of its own, through the daemon's transaction.</summary>
public sealed class EchoReactor : IReactor
{
    public string Name => "test_echo";

    public IReadOnlyCollection<string>? EventTypes => [nameof(CounterIncremented)];

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        var notes = events.Select(e => (object)new NewEvent(new NoteWritten("echo of " + e.SeqId, e.SeqId), DeterministicId(e.Id))).ToArray();
        await context.Store.AppendAsync(context.Connection, context.Transaction, AppendRequest.To("echoes", ExpectedVersion.Any, notes), ct);
    }

    private static Guid DeterministicId(Guid source)
    {
        var bytes = source.ToByteArray();
        bytes[0] ^= 0x5A;
        return new Guid(bytes);
    }
}
