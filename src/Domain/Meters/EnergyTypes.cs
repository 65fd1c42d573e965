namespace Energy.Domain.Meters;

/// <summary>The energy type codes of CONTRACT §2 (0 电 … 8 天然气).</summary>
public static class EnergyTypes
{
    public const int First = 0;
    public const int Last = 8;

    public static bool IsKnown(int code) => code is >= First and <= Last;
}
