namespace Energy.Application.EventStore;

/// <summary>Another writer moved the stream since the caller read it; nothing was appended.</summary>
public sealed class StreamVersionConflictException : Exception
{
    public StreamVersionConflictException(string streamId, ExpectedVersion expected, long actual)
        : base($"Stream '{streamId}' is at version {actual}, the writer expected {expected}.")
    {
        StreamId = streamId;
        Expected = expected;
        Actual = actual;
    }

    public string StreamId { get; }

    public ExpectedVersion Expected { get; }

    public long Actual { get; }
}
