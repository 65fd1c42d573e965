namespace Energy.Domain.Rates;

/// <summary>
/// The nine rates that exist from the start (CONTRACT §6 4.1: ids 1–9 for energy types 0–8, the §2 table),
/// flat at 0 until someone sets a price: the service cannot know the plant's tariff.
/// </summary>
public static class EnergyTypeRates
{
    private static readonly (string Energy, string Unit)[] Types =
    [
        ("电", "kWh"), ("自来水", "t"), ("中水", "t"), ("热水", "t"), ("软水", "t"),
        ("中压蒸汽", "t"), ("低压蒸汽", "t"), ("空气", "m³"), ("天然气", "m³"),
    ];

    public static int Count => Types.Length;

    /// <summary>Rate id of an energy type: type + 1.</summary>
    public static long IdOf(int energyType) => energyType + 1;

    /// <summary>Energy type of a seeded rate id, or null for an id outside 1–9.</summary>
    public static int? EnergyTypeOf(long rateId) => rateId is >= 1 and <= 9 ? (int)rateId - 1 : null;

    public static string EnergyName(int energyType) => Types[energyType].Energy;

    /// <summary>The unit of an energy type's amounts (CONTRACT §2): kWh, t or m³.</summary>
    public static string Unit(int energyType) => Types[energyType].Unit;

    /// <summary>The terms a rate is seeded with: "电费", flat 0 元/kWh, Rate_Type the energy type code.</summary>
    public static RateTerms Initial(int energyType) => new(
        Types[energyType].Energy + "费",
        energyType.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "元/" + Types[energyType].Unit,
        Segmented: false,
        Value: 0m,
        SegBegin: null,
        SegBeginRate: null,
        SegEnd: null,
        SegEndRate: null);
}
