namespace Energy.Domain.Rates;

/// <summary>A rate exists from the start (seeded); its terms count as in force since before any reading.</summary>
public sealed record RateEstablished(long Id, int EnergyType, RateTerms Terms) : IEvent;

/// <summary>A rate's terms changed; they apply from <see cref="EffectiveFrom"/>, the instant the change was made.</summary>
public sealed record RateChanged(long Id, RateTerms Terms, DateTimeOffset EffectiveFrom) : IEvent;

public sealed record EstablishRate(long Id, int EnergyType, RateTerms Terms);

public sealed record ChangeRate(long Id, RateTerms Terms, DateTimeOffset At);

/// <summary>The state of a <c>rate-&lt;id&gt;</c> stream.</summary>
public sealed record Rate(long Id, int EnergyType, RateTerms? Terms)
{
    public static Rate None { get; } = new(0, -1, null);

    public bool Exists => Terms is not null;

    public static string StreamId(long id) => $"rate-{id}";

    public static Rate Evolve(Rate state, object @event) => @event switch
    {
        RateEstablished e => new Rate(e.Id, e.EnergyType, e.Terms),
        RateChanged e => state with { Terms = e.Terms },
        _ => state,
    };
}
