namespace Energy.Application.EventStore;

/// <summary>
/// What the writer believes about a stream before appending: anything goes, the stream must not exist yet,
/// or it must stand at exactly this version. A mismatch is a <see cref="StreamVersionConflictException"/>.
/// </summary>
public readonly record struct ExpectedVersion
{
    private ExpectedVersion(long? version) => Version = version;

    /// <summary>The version the stream must have; null means any.</summary>
    public long? Version { get; }

    public static ExpectedVersion Any => new(null);

    /// <summary>The stream must not exist (it has no events).</summary>
    public static ExpectedVersion NoStream => new(0);

    public static ExpectedVersion Exactly(long version) =>
        version >= 0 ? new(version) : throw new ArgumentOutOfRangeException(nameof(version), "A stream version is 0 or more.");

    public bool IsSatisfiedBy(long actual) => Version is null || Version == actual;

    public override string ToString() => Version switch
    {
        null => "any",
        0 => "no stream",
        var v => v.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
