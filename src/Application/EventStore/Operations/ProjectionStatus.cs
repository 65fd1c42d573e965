namespace Energy.Application.EventStore;

/// <summary>
/// How current one processor is, for operators. While a rebuild runs, the live floor keeps moving and
/// <see cref="RebuildFloor"/> shows how far the next generation has come towards <see cref="RebuildTarget"/>.
/// </summary>
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
    long? RebuildFloor,
    long? RebuildTarget,
    string? LastError);
