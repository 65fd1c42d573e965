using Energy.Domain.Rates;

namespace Energy.Domain.Tests.Rates;

internal static class RateTestData
{
    public static RateTerms Flat(decimal value, int type = 0) => EnergyTypeRates.Initial(type) with { Value = value };

    public static RateTerms Segmented(int begin, decimal beginRate, int end, decimal endRate, int type = 0) =>
        EnergyTypeRates.Initial(type) with
        {
            Segmented = true, Value = null,
            SegBegin = new TimeOnly(begin, 0), SegBeginRate = beginRate, SegEnd = new TimeOnly(end, 0), SegEndRate = endRate,
        };

    /// <summary>UTC instant of a Shanghai wall-clock time.</summary>
    public static DateTimeOffset Plant(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2019, month, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    public static TimeZoneInfo Shanghai => TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
}
