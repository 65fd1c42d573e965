using System.Globalization;
using Energy.Application.Common;
using Energy.Application.Production;
using Energy.Application.Settings;
using Energy.Domain;
using Energy.Domain.Calendar;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;

namespace Energy.Http.Production;

/// <summary>8.9 and 8.14 query strings → <see cref="StatisticsRequest"/>; every refusal is 4103 naming the field.</summary>
internal static class StatisticRequests
{
    extension<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        /// <summary>What <see cref="OutputAsync"/> reads (8.9).</summary>
        public TBuilder SeedOutputStatisticQuery() => builder
            .SeedQuery("Time_Type", SeedType.Int, required: true, description: "时间类型: 1 year, 2 month, 3 day")
            .SeedQuery("Time_Start", SeedType.Time, required: true, description: "查询开始时间")
            .SeedQuery("Time_End", SeedType.Time, required: true, description: "查询结束时间")
            .SeedQuery("Return_Format", SeedType.Int, required: true,
                description: "1 totals, 2 per interval (each hour of a day, day of a month, month of a year)")
            .SeedCommonStatisticQuery(maxAmount: 5, maxSummary: 2);

        /// <summary>What <see cref="Batch"/> reads (8.14).</summary>
        public TBuilder SeedBatchStatisticQuery() => builder
            .SeedQuery("Production_Batch", SeedType.List, required: true, description: "根据批次名称筛选: the batches")
            .SeedCommonStatisticQuery(maxAmount: 6, maxSummary: 3);

        /// <summary>What <see cref="Common"/> reads.</summary>
        private TBuilder SeedCommonStatisticQuery(int maxAmount, int maxSummary) => builder
            .SeedQuery("Amount_Type", SeedType.Int, required: true,
                description: $"1 output, 2 consumption of Energy_Type, 3 comprehensive kgce, 4 unit consumption of Energy_Type, 5 unit comprehensive{(maxAmount == 6 ? ", 6 output per hour" : "")}")
            .SeedQuery("Summary_Type", SeedType.Int, required: true,
                description: $"0 none, 1 by product, 2 by machine{(maxSummary == 3 ? ", 3 by batch" : "")}")
            .SeedQuery("Energy_Type", SeedType.Int, description: "能源类型 0–8 (CONTRACT §2); required with Amount_Type 2 and 4")
            .SeedQuery("Product_Name", SeedType.List, description: "根据产品名称筛选")
            .SeedQuery("Meter_Superior", SeedType.List, description: "根据机器名称筛选")
            .SeedQuery("Is_Order", SeedType.Int, description: "1 sorts by the amount, 0 (default) does not")
            .SeedQuery("Order_Type", SeedType.Int, description: "1 ascending (default), 2 descending")
            .SeedQuery("Limit", SeedType.Int, description: "返回数据个数: at most this many rows; 0 or absent for all");
    }

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
