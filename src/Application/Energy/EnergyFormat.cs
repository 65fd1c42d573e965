using System.Globalization;

namespace Energy.Application.Energy;

/// <summary>How amounts and costs are written (CONTRACT §1 Amounts: "10.00" style, at most 4 fraction digits).</summary>
public static class EnergyFormat
{
    public static decimal Round(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    public static string Amount(decimal value) => Round(value).ToString("0.00##", CultureInfo.InvariantCulture);

    /// <summary>A number cell's text: plain, no trailing zeros ("20", "10.125").</summary>
    public static string Plain(decimal value) => Round(value).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Ene_Name of a CONTRACT §2 code.</summary>
    public static string EnergyName(int energyType) => Domain.Rates.EnergyTypeRates.EnergyName(energyType);

    /// <summary>Unit of a CONTRACT §2 code: kWh, t or m³.</summary>
    public static string Unit(int energyType) => Domain.Rates.EnergyTypeRates.Unit(energyType);
}
