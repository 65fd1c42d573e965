namespace Energy.EventStore;

/// <summary>
/// Remembers when each missing range was first seen, so a gap's staleness is measured from when that gap
/// appeared, not from when the mark happened to stop in front of it.
/// </summary>
internal sealed class GapClock
{
    private readonly List<(long From, long To, DateTimeOffset Seen)> ranges = [];

    public DateTimeOffset FirstSeen(long from, long to, DateTimeOffset now)
    {
        var seen = ranges.Where(r => r.From <= from && from <= r.To).Select(r => (DateTimeOffset?)r.Seen).Min();
        if (seen is null)
        {
            ranges.Add((from, to, now));
            return now;
        }

        return seen.Value;
    }

    /// <summary>Drops what the mark has passed.</summary>
    public void Forget(long mark) => ranges.RemoveAll(r => r.To <= mark);
}
