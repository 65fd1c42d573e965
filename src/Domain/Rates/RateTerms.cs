namespace Energy.Domain.Rates;

/// <summary>
/// What a rate charges (seed 4.1/4.2, CONTRACT §6). Segmented (the seed's <c>isSegmentation="0"</c>): wall-clock
/// [<see cref="SegBegin"/>, <see cref="SegEnd"/>) of every day costs <see cref="SegBeginRate"/>, the rest of the
/// day <see cref="SegEndRate"/>; a SegBegin after SegEnd wraps past midnight (22:00–06:00). Flat
/// (<c>"1"</c>): <see cref="Value"/> all day. Money per unit of the energy type, decimal.
/// </summary>
public sealed record RateTerms(
    string Name,
    string RateType,
    string Unit,
    bool Segmented,
    decimal? Value,
    TimeOnly? SegBegin,
    decimal? SegBeginRate,
    TimeOnly? SegEnd,
    decimal? SegEndRate)
{
    /// <summary>The price per unit at a wall-clock time of day.</summary>
    public decimal PriceAt(TimeOnly time) => Segmented ? (InSegment(time) ? SegBeginRate!.Value : SegEndRate!.Value) : Value!.Value;

    public bool InSegment(TimeOnly time) => SegBegin!.Value < SegEnd!.Value
        ? SegBegin.Value <= time && time < SegEnd.Value
        : time >= SegBegin.Value || time < SegEnd.Value;

    /// <summary>Throws <see cref="DomainRuleException"/> naming the seed field that is missing or wrong.</summary>
    public RateTerms Validate()
    {
        Required("Rate_Name", Name, 64);
        Required("Rate_Unit", Unit, 32);
        if (Segmented)
        {
            _ = SegBegin ?? throw new DomainRuleException("Seg_Begin", "is required when isSegmentation is \"0\" (segmented), a time like \"08:00:00\"");
            _ = SegEnd ?? throw new DomainRuleException("Seg_End", "is required when isSegmentation is \"0\" (segmented), a time like \"22:00:00\"");
            if (SegBegin == SegEnd)
            {
                throw new DomainRuleException("Seg_End", "must differ from Seg_Begin: the segment would be empty or the whole day");
            }

            Price("Seg_Begin_Rate", SegBeginRate, "when isSegmentation is \"0\" (segmented)");
            Price("Seg_End_Rate", SegEndRate, "when isSegmentation is \"0\" (segmented)");
        }
        else
        {
            Price("Rate_Value", Value, "when isSegmentation is \"1\" (not segmented)");
        }

        return this;
    }

    private static void Required(string field, string text, int max)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > max)
        {
            throw new DomainRuleException(field, $"is required, 1 to {max} characters");
        }
    }

    private static void Price(string field, decimal? value, string when)
    {
        if (value is null)
        {
            throw new DomainRuleException(field, $"is required {when}, a price per unit");
        }

        if (value < 0)
        {
            throw new DomainRuleException(field, $"must not be negative, got {value}");
        }
    }
}
