using System.Globalization;
using Energy.Application.Common;
using Energy.Application.Production;
using Energy.Application.Settings;
using Energy.Domain;
using Energy.Domain.Calendar;
using Energy.Http.Contract;

namespace Energy.Http.Production;

/// <summary>8.9 and 8.14 query strings → <see cref="StatisticsRequest"/>; every refusal is 4103 naming the field.</summary>
internal static class StatisticRequests
{
    /// <summary>8.9; also the instant Return_Format 1 rows show as their <c>Time</c> (the window's start).</summary>
    public static async Task<(StatisticsRequest Request, DateTimeOffset WindowStart)> OutputAsync(HttpContext context, CancellationToken ct)
    {
        var clock = context.RequestServices.GetRequiredService<PlantTime>();
        var type = Query.RequiredInt(context, "Time_Type") is var t and >= 1 and <= 3
            ? (TimeType)t
            : throw ContractError.BadParameter("Time_Type", "must be 1 (year), 2 (month) or 3 (day)");
        var start = clock.ToWallClock(Query.RequiredTime(context, "Time_Start"));
        var end = clock.ToWallClock(Query.RequiredTime(context, "Time_End"));
        var calendar = await context.RequestServices.GetRequiredService<SettingsQueries>().CalendarAsync(ct);
        var window = DomainRules.AsBadParameter(() => calendar.Window(type, start, end));

        var detailed = Query.RequiredInt(context, "Return_Format") switch
        {
            1 => false,
            2 => true,
            _ => throw ContractError.BadParameter("Return_Format", "must be 1 (totals) or 2 (per hour of a day, per day of a month, per month of a year)"),
        };
        var buckets = detailed
            ? calendar.Split(type, window).Select(p => (Utc(clock, p.Start), Utc(clock, p.End))).ToList()
            : null;
        var from = Utc(clock, window.Start);
        var request = Common(context, maxAmount: 5, maxSummary: 2, byBatch: false) with
        {
            From = from,
            To = Utc(clock, window.End),
            Buckets = buckets,
        };
        return (detailed ? request with { Order = false } : request, from);
    }

    /// <summary>8.14: over the whole of the named batches' output records.</summary>
    public static StatisticsRequest Batch(HttpContext context)
    {
        var batches = Query.List(context, "Production_Batch");
        return batches.Count == 0
            ? throw ContractError.BadParameter("Production_Batch", "is required (batch names, comma separated)")
            : Common(context, maxAmount: 6, maxSummary: 3, byBatch: true) with { Batches = batches };
    }

    /// <summary>Up to 4 fraction digits, trailing zeros trimmed; null (nothing to divide by) is "".</summary>
    public static string Render(decimal? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";

    private static StatisticsRequest Common(HttpContext context, int maxAmount, int maxSummary, bool byBatch)
    {
        var amount = Query.RequiredInt(context, "Amount_Type") is var a && a >= 1 && a <= maxAmount
            ? (ProductionAmount)a
            : throw ContractError.BadParameter("Amount_Type", $"must be 1–{maxAmount} (1 output, 2 consumption, 3 comprehensive kgce, 4 unit consumption, 5 unit comprehensive{(maxAmount == 6 ? ", 6 output per hour" : "")})");
        var summary = Query.RequiredInt(context, "Summary_Type") is var s && s >= 0 && s <= maxSummary
            ? (ProductionSummary)s
            : throw ContractError.BadParameter("Summary_Type", $"must be 0–{maxSummary}");
        int? energyType = null;
        if (amount is ProductionAmount.Consumption or ProductionAmount.UnitConsumption)
        {
            energyType = Query.OptionalInt(context, "Energy_Type") is { } e && Domain.Meters.EnergyTypes.IsKnown(e)
                ? e
                : throw ContractError.BadParameter("Energy_Type", "is required with Amount_Type 2 and 4 (an energy type code 0–8)");
        }

        var order = Query.OptionalInt(context, "Is_Order") switch
        {
            null or 0 => false,
            1 => true,
            _ => throw ContractError.BadParameter("Is_Order", "must be 0 or 1"),
        };
        var descending = Query.OptionalInt(context, "Order_Type") switch
        {
            null or 1 => false,
            2 => true,
            _ => throw ContractError.BadParameter("Order_Type", "must be 1 (ascending) or 2 (descending)"),
        };
        var limit = Query.OptionalInt(context, "Limit") is { } l
            ? l >= 0 ? l : throw ContractError.BadParameter("Limit", "must be a non-negative integer")
            : (int?)null;
        return new StatisticsRequest(amount, energyType, summary, Query.List(context, "Product_Name"), Query.List(context, "Meter_Superior"), [],
            null, null, null, order, descending, limit == 0 ? null : limit, byBatch);
    }

    private static DateTimeOffset Utc(PlantTime clock, DateTime wallClock) =>
        clock.TryFromWallClock(wallClock, out var instant) ? instant : throw ContractError.BadParameter("Time_Start", $"{wallClock:yyyy-MM-dd HH:mm:ss} does not exist in the plant's time zone");
}
