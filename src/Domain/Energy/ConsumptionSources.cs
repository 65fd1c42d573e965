using System.Globalization;
using Energy.Domain.Readings;

namespace Energy.Domain.Energy;

/// <summary>
/// What consumption is kept by: a device's number (its counter), or a hand-filled meter's day or month fills.
/// Day and month fills are separate sources (they add up), so correcting one never rewrites the other.
/// </summary>
public static class ConsumptionSources
{
    public static string Device(string deviceCode) => deviceCode;

    public static string Manual(long meterId, ManualPeriodKind kind) =>
        $"manual:{meterId.ToString(CultureInfo.InvariantCulture)}:{(kind == ManualPeriodKind.Day ? "day" : "month")}";

    public static IReadOnlyList<string> Manual(long meterId) =>
        [Manual(meterId, ManualPeriodKind.Day), Manual(meterId, ManualPeriodKind.Month)];
}
