namespace Energy.Domain.Oee;

/// <summary>Seconds per status over a span of a timeline (7.6).</summary>
public static class OeeDurations
{
    /// <summary>
    /// Seconds spent in each status in [<paramref name="start"/>, <paramref name="end"/>), given the status at
    /// <paramref name="start"/> and the changes after it (in time order). Statuses with no time are left out;
    /// the seconds of a span sum to its length.
    /// </summary>
    public static IReadOnlyDictionary<string, long> Seconds(string statusAtStart, IEnumerable<OeeChange> changes, DateTimeOffset start, DateTimeOffset end)
    {
        var seconds = new Dictionary<string, long>(StringComparer.Ordinal);
        var (status, from) = (statusAtStart, start);
        foreach (var change in changes.Where(c => c.At > start && c.At < end).OrderBy(c => c.At))
        {
            Add(seconds, status, from, change.At);
            (status, from) = (change.To, change.At);
        }

        Add(seconds, status, from, end);
        return seconds;
    }

    /// <summary>The status at <paramref name="at"/>: the last change at or before it, else unknown.</summary>
    public static string StatusAt(IEnumerable<OeeChange> timeline, DateTimeOffset at) =>
        timeline.Where(c => c.At <= at).MaxBy(c => c.At)?.To ?? OeeStatus.Unknown;

    // Whole seconds as differences of whole-second clock readings: the pieces telescope, so they sum exactly to
    // the span's seconds even when a change falls inside a second.
    private static void Add(Dictionary<string, long> seconds, string status, DateTimeOffset from, DateTimeOffset to)
    {
        var whole = to.ToUnixTimeSeconds() - from.ToUnixTimeSeconds();
        if (whole > 0)
        {
            seconds[status] = seconds.GetValueOrDefault(status) + whole;
        }
    }
}
