namespace Energy.Domain.Rates;

/// <summary>One version of a rate: the terms in force from <see cref="EffectiveFrom"/> until the next version.</summary>
public sealed record RateVersion(int EnergyType, DateTimeOffset EffectiveFrom, RateTerms Terms)
{
    /// <summary>The versions a rate stream's events describe; the established terms count from the beginning of time.</summary>
    public static IEnumerable<RateVersion> From(IEnumerable<object> events)
    {
        var energyType = -1;
        foreach (var @event in events)
        {
            switch (@event)
            {
                case RateEstablished e:
                    energyType = e.EnergyType;
                    yield return new RateVersion(e.EnergyType, DateTimeOffset.MinValue, e.Terms);
                    break;
                case RateChanged e when energyType >= 0:
                    yield return new RateVersion(energyType, e.EffectiveFrom, e.Terms);
                    break;
            }
        }
    }
}

/// <summary>A span of time over which one energy type costs one price per unit.</summary>
public sealed record PricedSpan(DateTimeOffset Start, DateTimeOffset End, decimal Price);

/// <summary>
/// Prices over time (CONTRACT §6 4.1/4.2): "what does a unit of energy type k cost at instant t", using the
/// terms in force at t, so earlier consumption is costed at the rate of its time. Pure: the history and the
/// plant's zone (segments are wall-clock times of day) are passed in.
/// </summary>
public sealed partial class RateSchedule
{
    private readonly Dictionary<int, List<RateVersion>> versions;

    public RateSchedule(IEnumerable<RateVersion> history, TimeZoneInfo zone)
    {
        Zone = zone;
        versions = history
            .GroupBy(v => v.EnergyType)
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.EffectiveFrom).ToList());
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The terms of energy type <paramref name="energyType"/> in force at <paramref name="instant"/>.</summary>
    public RateTerms TermsAt(int energyType, DateTimeOffset instant) => VersionAt(energyType, instant).Terms;

    /// <summary>The price per unit of energy type <paramref name="energyType"/> at <paramref name="instant"/>.</summary>
    public decimal PriceAt(int energyType, DateTimeOffset instant) =>
        TermsAt(energyType, instant).PriceAt(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime));

    private RateVersion VersionAt(int energyType, DateTimeOffset instant)
    {
        if (!versions.TryGetValue(energyType, out var list) || list.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(energyType), energyType, "No rate is known for this energy type.");
        }

        // The last version that took effect at or before the instant; before the first, the first (the seeded rate).
        var found = list[0];
        foreach (var version in list)
        {
            if (version.EffectiveFrom > instant)
            {
                break;
            }

            found = version;
        }

        return found;
    }
}
