namespace Energy.Domain.Production;

/// <summary>A standard-coal factor (kgce per unit of CONTRACT §2) for one energy type from an instant on, and the set it belongs to.</summary>
public sealed record CoalFactor(int EnergyType, decimal Factor, DateTimeOffset EffectiveFrom, string Set);

/// <summary>
/// Standard-coal factors with effective dates (CONTRACT §2): the factor of a type at an instant is the one
/// with the latest <see cref="CoalFactor.EffectiveFrom"/> not after it. A change only applies from its date,
/// so past results keep the factors they were computed with, and results name the set(s) they used.
/// </summary>
public sealed class CoalFactors
{
    public const string DefaultSet = "GB/T 2589-2020";

    private readonly Dictionary<int, CoalFactor[]> byType;

    public CoalFactors(IEnumerable<CoalFactor> factors) =>
        byType = factors.GroupBy(f => f.EnergyType).ToDictionary(g => g.Key, g => g.OrderBy(f => f.EffectiveFrom).ToArray());

    /// <summary>
    /// Defaults, kgce per CONTRACT §2 unit. Sources: GB/T 2589-2020 《综合能耗计算通则》 附录 A/B.
    /// 电 0.1229 kgce/kWh (equal-value, 3600 kJ/kWh ÷ 29307.6 kJ/kgce); 自来水 0.0857 kgce/t (新水 2.51 MJ/t);
    /// 中水 counted as 新水 0.0857 (assumption: no separate entry); 软水 0.4857 kgce/t (软化水 14.23 MJ/t);
    /// 热水 5.7140 kgce/t (assumption: 40 K above make-up water, 167.5 MJ/t × 0.03412 kgce/MJ 热力 equal-value);
    /// 中压蒸汽 95.57 kgce/t and 低压蒸汽 94.30 kgce/t (saturated enthalpy ≈2801 and ≈2764 MJ/t × 0.03412 kgce/MJ;
    /// sites with metered enthalpy should configure their own); 空气 0.0400 kgce/m³ (压缩空气 1.17 MJ/m³);
    /// 天然气 1.2143 kgce/m³ (the standard's range is 1.1000–1.3300; 1.2143 is the commonly used midpoint-ish value
    /// for 35.59 MJ/m³ gas). Configure <c>Energy:Coal:Factors</c> to replace or supersede any of them.
    /// </summary>
    public static IReadOnlyList<CoalFactor> Defaults { get; } =
    [
        new(0, 0.1229m, DateTimeOffset.MinValue, DefaultSet),
        new(1, 0.0857m, DateTimeOffset.MinValue, DefaultSet),
        new(2, 0.0857m, DateTimeOffset.MinValue, DefaultSet),
        new(3, 5.7140m, DateTimeOffset.MinValue, DefaultSet),
        new(4, 0.4857m, DateTimeOffset.MinValue, DefaultSet),
        new(5, 95.57m, DateTimeOffset.MinValue, DefaultSet),
        new(6, 94.30m, DateTimeOffset.MinValue, DefaultSet),
        new(7, 0.0400m, DateTimeOffset.MinValue, DefaultSet),
        new(8, 1.2143m, DateTimeOffset.MinValue, DefaultSet),
    ];

    /// <summary>The factor in force for <paramref name="energyType"/> at <paramref name="instant"/>; null when none is configured.</summary>
    public CoalFactor? At(int energyType, DateTimeOffset instant)
    {
        if (!byType.TryGetValue(energyType, out var factors))
        {
            return null;
        }

        CoalFactor? found = null;
        foreach (var factor in factors)
        {
            if (factor.EffectiveFrom > instant)
            {
                break;
            }

            found = factor;
        }

        return found;
    }
}
