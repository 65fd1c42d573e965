namespace Energy.Application.EventStore;

/// <summary>How far to fold a stream: to its end, up to a version, or as it stood at an instant.</summary>
public abstract record StreamPosition
{
    public static readonly StreamPosition Latest = new LatestPosition();

    public static StreamPosition AtVersion(long version) => new VersionPosition(version);

    public static StreamPosition AtTime(DateTimeOffset instant) => new TimePosition(instant);

    internal sealed record LatestPosition : StreamPosition;

    internal sealed record VersionPosition(long Version) : StreamPosition;

    internal sealed record TimePosition(DateTimeOffset Instant) : StreamPosition;
}

/// <summary>A folded stream: its state and the version it was folded to (0 when there were no events).</summary>
public sealed record Folded<T>(T State, long Version);
