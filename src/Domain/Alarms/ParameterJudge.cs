namespace Energy.Domain.Alarms;

/// <summary>One judged value of a rule's parameter at the reading's own time.</summary>
public readonly record struct Sample(DateTimeOffset At, decimal Value);

/// <summary>A raised type-2 alarm: outside since <see cref="Start"/>, inside again at <see cref="End"/> (null: still outside).</summary>
public sealed record Episode(DateTimeOffset Start, DateTimeOffset? End)
{
    public bool Overlaps(Episode other) =>
        Start < (other.End ?? DateTimeOffset.MaxValue) && other.Start < (End ?? DateTimeOffset.MaxValue);
}

public abstract record Verdict;

/// <summary>Raise an alarm at <see cref="At"/>.</summary>
public sealed record Raise(DateTimeOffset At, decimal Value) : Verdict;

/// <summary>Clear the episode that started at <see cref="TriggeredAt"/>, at <see cref="At"/>.</summary>
public sealed record Clear(DateTimeOffset TriggeredAt, DateTimeOffset At, decimal Value) : Verdict;

/// <summary>
/// Edge-triggered judgement of an instantaneous parameter (CONTRACT §8), in reading-time order whatever the
/// arrival order. The samples are re-judged from the one before the earliest new sample; an episode (a run
/// of outside samples up to the next inside one) is raised only if it overlaps no episode already recorded,
/// and a recorded open episode is cleared when the latest sample is inside. So a late reading can add a
/// whole episode that the log lacks, but it can never raise one twice or take back a recorded one.
/// </summary>
public static class ParameterJudge
{
    /// <param name="samples">The rule's samples from the one before the earliest new sample on, in time order.</param>
    /// <param name="recorded">The episodes already raised for the rule that can overlap those samples.</param>
    /// <param name="inside">Whether a sample lies within the limits of the rule's version in force at its instant.</param>
    public static IReadOnlyList<Verdict> Judge(IReadOnlyList<Sample> samples, IReadOnlyList<Episode> recorded, Func<Sample, bool> inside)
    {
        var episodes = EpisodesOf(samples, inside);
        var verdicts = new List<Verdict>();
        foreach (var (episode, raisedValue, clearValue) in episodes)
        {
            if (recorded.Any(r => r.Overlaps(episode)))
            {
                continue;
            }

            verdicts.Add(new Raise(episode.Start, raisedValue));
            if (episode.End is { } end)
            {
                verdicts.Add(new Clear(episode.Start, end, clearValue));
            }
        }

        if (samples.Count == 0 || !inside(samples[^1]))
        {
            return verdicts;
        }

        foreach (var open in recorded.Where(r => r.End is null))
        {
            // Every outside sample after an open episode's start belongs to an episode overlapping it; the last
            // of those ends where the condition came back. None: it is inside from the first sample since.
            var last = episodes.Where(e => e.Episode.Overlaps(open)).Select(e => ((DateTimeOffset At, decimal Value)?)(e.Episode.End!.Value, e.ClearValue)).LastOrDefault()
                ?? samples.Where(s => s.At >= open.Start).Select(s => ((DateTimeOffset, decimal)?)(s.At, s.Value)).FirstOrDefault();
            if (last is { } clear)
            {
                verdicts.Add(new Clear(open.Start, clear.At, clear.Value));
            }
        }

        return verdicts;
    }

    private static List<(Episode Episode, decimal RaisedValue, decimal ClearValue)> EpisodesOf(IReadOnlyList<Sample> samples, Func<Sample, bool> inside)
    {
        var result = new List<(Episode, decimal, decimal)>();
        Sample? start = null;
        foreach (var sample in samples)
        {
            var isInside = inside(sample);
            if (!isInside && start is null)
            {
                start = sample;
            }
            else if (isInside && start is { } s)
            {
                result.Add((new Episode(s.At, sample.At), s.Value, sample.Value));
                start = null;
            }
        }

        if (start is { } open)
        {
            result.Add((new Episode(open.At, null), open.Value, 0));
        }

        return result;
    }
}
