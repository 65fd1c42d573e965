namespace Energy.Application.EventStore;

/// <summary>Events for one stream. Items are event objects or <see cref="NewEvent"/> wrappers.</summary>
public sealed record StreamAppend(string StreamId, ExpectedVersion Expected, IReadOnlyList<object> Events, string? StreamType = null);

/// <summary>
/// A webhook delivery's identity. Appending with an inbox entry stores the events only if this
/// (source, external id) was never stored before, in the same transaction as the events.
/// </summary>
public sealed record InboxEntry(string Source, string ExternalId, string PayloadHash);

/// <summary>One atomic append: every stream's events commit together or not at all.</summary>
public sealed record AppendRequest(IReadOnlyList<StreamAppend> Streams, EventMetadata? Metadata = null, InboxEntry? Inbox = null)
{
    public static AppendRequest To(string streamId, ExpectedVersion expected, IReadOnlyList<object> events, EventMetadata? metadata = null, string? streamType = null) =>
        new([new StreamAppend(streamId, expected, events, streamType)], metadata);
}

/// <summary>The new version of a stream after an append.</summary>
public sealed record AppendedStream(string StreamId, long Version);

/// <summary>
/// What an append did. <see cref="Duplicate"/>: the inbox already held the entry, so nothing was appended
/// (<see cref="PayloadDiffers"/> says the earlier delivery had a different body).
/// </summary>
public sealed record AppendResult(bool Duplicate, bool PayloadDiffers, IReadOnlyList<AppendedStream> Streams, long LastSeqId)
{
    internal static AppendResult DuplicateOf(bool payloadDiffers) => new(true, payloadDiffers, [], 0);
}
