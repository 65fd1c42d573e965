using System.Globalization;
using Energy.Application.Common;
using Energy.Domain.Production;
using Microsoft.Extensions.Configuration;

namespace Energy.Application.Production;

/// <summary>
/// <c>Energy:Coal:Factors</c>: a list of <c>{EnergyType, Factor, EffectiveFrom, Set}</c> added to the
/// GB/T 2589-2020 defaults (<see cref="CoalFactors.Defaults"/>). An entry supersedes its type's factor from
/// <c>EffectiveFrom</c> on (ISO-8601; without an offset, UTC); <c>Set</c> names it in results (default "config").
/// </summary>
public static class CoalFactorSettings
{
    public const string Section = "Energy:Coal:Factors";

    public static CoalFactors From(IConfiguration configuration)
    {
        var configured = configuration.GetSection(Section).GetChildren().Select(Entry);
        return new CoalFactors(CoalFactors.Defaults.Concat(configured));
    }

    private static CoalFactor Entry(IConfigurationSection entry)
    {
        var type = int.TryParse(entry["EnergyType"], NumberStyles.None, CultureInfo.InvariantCulture, out var t) && Domain.Meters.EnergyTypes.IsKnown(t)
            ? t
            : throw new InvalidOperationException($"{entry.Path}:EnergyType must be an energy type code 0–8, got '{entry["EnergyType"]}'.");
        var factor = decimal.TryParse(entry["Factor"], NumberStyles.Number, CultureInfo.InvariantCulture, out var f) && f >= 0
            ? f
            : throw new InvalidOperationException($"{entry.Path}:Factor must be a non-negative number (kgce per unit), got '{entry["Factor"]}'.");
        var from = string.IsNullOrWhiteSpace(entry["EffectiveFrom"])
            ? DateTimeOffset.MinValue
            : DateTimeOffset.TryParse(entry["EffectiveFrom"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at.ToUniversalTime()
                : throw new InvalidOperationException($"{entry.Path}:EffectiveFrom must be an ISO-8601 time, got '{entry["EffectiveFrom"]}'.");
        return new CoalFactor(type, factor, from, string.IsNullOrWhiteSpace(entry["Set"]) ? "config" : entry["Set"]!.Trim());
    }

    /// <summary>4004 when consumption of a type has no factor in force.</summary>
    internal static CoalFactor Require(CoalFactors factors, int energyType, DateTimeOffset at) =>
        factors.At(energyType, at) ?? throw ContractError.DataError($"no standard-coal factor is configured for energy type {energyType} at {at:O} ({Section})");
}
