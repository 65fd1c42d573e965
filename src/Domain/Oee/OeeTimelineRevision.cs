namespace Energy.Domain.Oee;

/// <summary>
/// What to append when a machine's timeline from some instant on has been derived again (after a reading,
/// possibly a late one): nothing when it is what was recorded; plain <see cref="OeeStatusChanged"/> events
/// when the recorded changes all still hold and new ones follow them; otherwise one
/// <see cref="OeeStatusTimelineCorrected"/> at the first point of disagreement followed by the derived changes
/// from there on. Only the differing tail is re-issued, so an unaffected change is never repeated.
/// </summary>
public static class OeeTimelineRevision
{
    /// <param name="recorded">The changes recorded so far at or after the instant the derivation started from.</param>
    /// <param name="derived">The changes derived again from that instant.</param>
    public static IReadOnlyList<object> Events(long machineId, IReadOnlyList<OeeChange> recorded, IReadOnlyList<OeeChange> derived)
    {
        var same = 0;
        while (same < recorded.Count && same < derived.Count && recorded[same] == derived[same])
        {
            same++;
        }

        var tail = derived.Skip(same).Select(c => (object)new OeeStatusChanged(machineId, c.From, c.To, c.At));
        if (same == recorded.Count)
        {
            return tail.ToList();
        }

        var since = same < derived.Count && derived[same].At < recorded[same].At ? derived[same].At : recorded[same].At;
        return [new OeeStatusTimelineCorrected(machineId, since), .. tail];
    }

    /// <summary>Folds a machine's change events into its timeline (what every reader of the stream must do).</summary>
    public static List<OeeChange> Fold(IEnumerable<object> events)
    {
        var timeline = new List<OeeChange>();
        foreach (var e in events)
        {
            switch (e)
            {
                case OeeStatusChanged c:
                    timeline.Add(new OeeChange(c.From, c.To, c.At));
                    break;
                case OeeStatusTimelineCorrected c:
                    timeline.RemoveAll(x => x.At >= c.Since);
                    break;
            }
        }

        return timeline;
    }
}
