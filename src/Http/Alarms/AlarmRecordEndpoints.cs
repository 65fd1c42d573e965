using System.Globalization;
using System.Text.Json.Serialization;
using Energy.Application.Alarms;
using Energy.Application.Common;
using Energy.Domain.Calendar;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;

namespace Energy.Http.Alarms;

/// <summary>6.9 alarm records and 6.10 counts.</summary>
internal static class AlarmRecordEndpoints
{
    extension<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        /// <summary>The filters <see cref="ListAsync"/> reads.</summary>
        public TBuilder SeedAlarmRecordQuery() => builder
            .SeedQuery("Time_Start", SeedType.Time, required: true, description: "records from this time on")
            .SeedQuery("Time_End", SeedType.Time, required: true, description: "records before this time")
            .SeedQuery("Meter_Name", SeedType.String, description: "仪表筛选: only this meter's records")
            .SeedQuery("Meter_Superior", SeedType.String, description: "机器筛选: only the records of this machine's meters")
            .SeedQuery("Alarm_Type", SeedType.Int, description: "筛选: only this alarm type")
            .SeedQuery("Alarm_Level", SeedType.Int, description: "筛选: only this alarm level")
            .SeedQuery("Rule_Name", SeedType.String, description: "筛选: only this rule's records");

        /// <summary>The parameters <see cref="StatisticAsync"/> reads.</summary>
        public TBuilder SeedAlarmStatisticQuery() => builder
            .SeedQuery("Time_Type", SeedType.Int, required: true, description: "时间类型: 1 year, 2 month, 3 day")
            .SeedQuery("Time_Start", SeedType.Time, required: true, description: "查询开始时间")
            .SeedQuery("Time_End", SeedType.Time, required: true, description: "查询结束时间")
            .SeedQuery("Statistic_Method", SeedType.Int, required: true,
                description: "0 total, 1 by Alarm_Level, 2 by Alarm_Type, 3 by Alarm_Notify")
            .SeedQuery("Return_Format", SeedType.Int, required: true,
                description: "1 totals, 2 per interval (a day query gives each hour)");
    }

    public static async Task<IResult> ListAsync(HttpContext context, AlarmRecordQueries records, PlantTime plantTime, CancellationToken ct)
    {
        var filter = new AlarmRecordFilter(
            Query.RequiredTime(context, "Time_Start"), Query.RequiredTime(context, "Time_End"),
            Query.OptionalString(context, "Meter_Name"), Query.OptionalString(context, "Meter_Superior"),
            Query.OptionalInt(context, "Alarm_Type"), Query.OptionalInt(context, "Alarm_Level"), Query.OptionalString(context, "Rule_Name"));
        var (rows, total) = await records.ListAsync(filter, Query.Paging(context), ct);
        return Envelope.Page(rows.Select(r => AlarmRecordResponse.From(r, plantTime)), total);
    }

    public static async Task<IResult> StatisticAsync(HttpContext context, AlarmRecordQueries records, PlantTime plantTime, CancellationToken ct)
    {
        var timeType = Query.RequiredInt(context, "Time_Type");
        if (timeType is < 1 or > 3)
        {
            throw ContractError.BadParameter("Time_Type", $"must be 1 (year), 2 (month) or 3 (day), got {timeType}");
        }

        var start = Query.RequiredTime(context, "Time_Start");
        var end = Query.RequiredTime(context, "Time_End");
        var method = Query.RequiredInt(context, "Statistic_Method");
        if (method is < 0 or > 3)
        {
            throw ContractError.BadParameter("Statistic_Method", $"must be 0 (total), 1 (Alarm_Level), 2 (Alarm_Type) or 3 (Alarm_Notify), got {method}");
        }

        var format = Query.RequiredInt(context, "Return_Format");
        if (format is not (1 or 2))
        {
            throw ContractError.BadParameter("Return_Format", $"must be 1 (total) or 2 (per interval), got {format}");
        }

        var statistic = (AlarmStatisticMethod)method;
        var rows = await records.CountAsync((TimeType)timeType, start, end, statistic, format == 2, ct);
        return Envelope.Data(rows.Select(r => AlarmCountResponse.From(r, statistic)));
    }
}

/// <summary>A 6.9 record; <c>Alarm_id</c>, <c>Rule_id</c>, <c>Meter_id</c>, <c>Alarm_Notify</c>, <c>Cleared_Time</c>,
/// <c>Event_Name</c> and the <c>Notify_*</c> fields are (ext).</summary>
public sealed record AlarmRecordResponse(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("Alarm_Name")] string AlarmName,
    [property: JsonPropertyName("Rule_Name")] string RuleName,
    [property: JsonPropertyName("Meter_Name")] string MeterName,
    [property: JsonPropertyName("Meter_Superior")] string MachineName,
    [property: JsonPropertyName("Alarm_Type")] int Type,
    [property: JsonPropertyName("Alarm_Level")] int Level,
    [property: JsonPropertyName("Alarm_Content")] string Content,
    [property: JsonPropertyName("Alarm_Time")] string Time,
    [property: JsonPropertyName("Alarm_id")] long AlarmId,
    [property: JsonPropertyName("Rule_id")] long RuleId,
    [property: JsonPropertyName("Meter_id")] long MeterId,
    [property: JsonPropertyName("Alarm_Notify")] int Notify,
    [property: JsonPropertyName("Event_Name")] string EventName,
    [property: JsonPropertyName("Cleared_Time")] string ClearedTime,
    [property: JsonPropertyName("Notify_State")] string NotifyState,
    [property: JsonPropertyName("Notify_Attempts")] int NotifyAttempts,
    [property: JsonPropertyName("Notify_Error")] string NotifyError)
{
    public static AlarmRecordResponse From(AlarmRecordRow r, PlantTime plantTime) => new(
        r.Id, r.AlarmName, r.RuleName, r.MeterName, r.MachineName, r.Type, r.Level, r.Content, plantTime.Format(r.At),
        r.AlarmId, r.RuleId, r.MeterId, r.Notify, r.EventName, r.ClearedAt is { } c ? plantTime.Format(c) : "",
        r.NotifyState, r.NotifyAttempts, r.NotifyError);
}

/// <summary>A 6.10 row; the grouping column appears only when <c>Statistic_Method</c> asks for it.</summary>
public sealed record AlarmCountResponse(
    [property: JsonPropertyName("Time")] string Time,
    [property: JsonPropertyName("Total_Amount")] long Total,
    [property: JsonPropertyName("Alarm_Level"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Level,
    [property: JsonPropertyName("Alarm_Type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Type,
    [property: JsonPropertyName("Alarm_Notify"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Notify)
{
    public static AlarmCountResponse From(AlarmCountRow row, AlarmStatisticMethod method) => new(
        row.Time.ToString(PlantTime.WallClockFormat, CultureInfo.InvariantCulture), row.Count,
        method == AlarmStatisticMethod.Level ? row.Key : null,
        method == AlarmStatisticMethod.Type ? row.Key : null,
        method == AlarmStatisticMethod.Notify ? row.Key : null);
}
