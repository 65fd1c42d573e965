namespace Energy.Application.EventStore;

/// <summary>An event as stored: its data and where and when it stands in the log.</summary>
public sealed record EventEnvelope(
    long SeqId,
    Guid Id,
    string StreamId,
    long Version,
    string Type,
    object Data,
    DateTimeOffset Timestamp,
    string? CorrelationId,
    string? CausationId,
    string? UserName,
    IReadOnlyDictionary<string, string>? Headers)
{
    /// <summary>Stream of the rows that fill abandoned sequence numbers; never handed to projections.</summary>
    public const string TombstoneStream = "$tombstone";

    /// <summary>Ours and Marten's own (it keeps one for failed appends), as an SQL list: neither is ever an event of the domain.</summary>
    public const string TombstoneStreams = "('$tombstone', 'mt_tombstone')";
}
