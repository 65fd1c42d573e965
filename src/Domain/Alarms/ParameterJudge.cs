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
/// arrival order and batching. The samples are re-judged from the one before the earliest new sample; a recorded
/// open episode ends at the first inside sample after its start, and an episode (a run of outside samples up to
/// the next inside one) is raised only if it overlaps no episode already recorded. So a late reading can add a
/// whole episode that the log lacks, but it can never raise one twice or take back a recorded one.
/// </summary>
public static class ParameterJudge
{
    /// <param name="samples">The rule's samples from the one before the earliest new sample on, in time order.</param>
    /// <param name="recorded">The episodes already raised for the rule that can overlap those samples.</param>
    /// <param name="inside">Whether a sample lies within the limits of the rule's version in force at its instant.</param>
    public static IReadOnlyList<Verdict> Judge(IReadOnlyList<Sample> samples, IReadOnlyList<Episode> recorded, Func<Sample, bool> inside)
    {
        // A recorded open episode ends at the first inside sample after its start (every sample between its
        // start and the loaded ones was outside, or it would have been cleared), even when later samples of the
        // same page go outside again: that is the next excursion, not the same one.
        var verdicts = new List<Verdict>();
        var known = new List<Episode>();
        foreach (var episode in recorded)
        {
            if (episode.End is null && FirstInsideAfter(samples, episode.Start, inside) is { } back)
            {
                verdicts.Add(new Clear(episode.Start, back.At, back.Value));
                known.Add(episode with { End = back.At });
            }
            else
            {
                known.Add(episode);
            }
        }

        foreach (var (episode, raisedValue, clearValue) in EpisodesOf(samples, inside))
        {
            if (known.Any(k => k.Overlaps(episode)))
            {
                continue;
            }

            verdicts.Add(new Raise(episode.Start, raisedValue));
            if (episode.End is { } end)
            {
                verdicts.Add(new Clear(episode.Start, end, clearValue));
            }
        }

        return verdicts;
    }

    private static Sample? FirstInsideAfter(IReadOnlyList<Sample> samples, DateTimeOffset start, Func<Sample, bool> inside)
    {
        foreach (var sample in samples)
        {
            if (sample.At > start && inside(sample))
            {
                return sample;
            }
        }

        return null;
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
