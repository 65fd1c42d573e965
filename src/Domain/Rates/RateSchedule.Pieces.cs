namespace Energy.Domain.Rates;

public sealed partial class RateSchedule
{
    /// <summary>
    /// Cuts [<paramref name="from"/>, <paramref name="to"/>) where the price of <paramref name="energyType"/>
    /// changes — a new version taking effect, a segment starting or ending — into spans of one price each,
    /// so cost = Σ consumption(span) × price. Adjacent spans of the same price are merged.
    /// </summary>
    public IReadOnlyList<PricedSpan> Pieces(int energyType, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return [];
        }

        var cuts = new SortedSet<DateTimeOffset> { from, to };
        foreach (var version in versions.GetValueOrDefault(energyType) ?? [])
        {
            if (version.EffectiveFrom > from && version.EffectiveFrom < to)
            {
                cuts.Add(version.EffectiveFrom);
            }
        }

        // Segment edges of every day the span touches, of whichever version is in force then: a cut that is
        // not a real price change is harmless, it is merged away below.
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, Zone).DateTime).AddDays(-1);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, Zone).DateTime);
        foreach (var version in versions.GetValueOrDefault(energyType) ?? [])
        {
            if (!version.Terms.Segmented)
            {
                continue;
            }

            for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
            {
                foreach (var edge in new[] { version.Terms.SegBegin!.Value, version.Terms.SegEnd!.Value })
                {
                    var wall = day.ToDateTime(edge);
                    if (!Zone.IsInvalidTime(wall))
                    {
                        var instant = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(wall, Zone), TimeSpan.Zero);
                        if (instant > from && instant < to)
                        {
                            cuts.Add(instant);
                        }
                    }
                }
            }
        }

        var result = new List<PricedSpan>();
        DateTimeOffset? previous = null;
        foreach (var cut in cuts)
        {
            if (previous is { } start)
            {
                var price = PriceAt(energyType, start);
                if (result.Count > 0 && result[^1].Price == price)
                {
                    result[^1] = result[^1] with { End = cut };
                }
                else
                {
                    result.Add(new PricedSpan(start, cut, price));
                }
            }

            previous = cut;
        }

        return result;
    }
}
