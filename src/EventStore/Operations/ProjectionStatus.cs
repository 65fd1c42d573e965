namespace Energy.EventStore;

/// <summary>How current one processor is, for operators.</summary>
public sealed record ProjectionStatus(
    string Name,
    string Kind,
    long Floor,
    long HighWater,
    long LagEvents,
    double? LagSeconds,
    string State,
    long DeadLetters,
    double? HeartbeatAgeSeconds,
    long? RebuildTarget,
    string? LastError);
