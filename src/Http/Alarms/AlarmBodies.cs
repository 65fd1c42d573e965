using System.Text.Json.Serialization;
using Energy.Application.Alarms;
using Energy.Domain.Alarms;
using Energy.Http.Contract;

namespace Energy.Http.Alarms;

/// <summary>6.2 / 6.3 body (every field required by the seed; <c>id</c> for 6.3).</summary>
public sealed record AlarmRequest(
    [property: JsonPropertyName("Alarm_Name")] string Name,
    [property: JsonPropertyName("Alarm_Type")] int Type,
    [property: JsonPropertyName("Alarm_Level")] int Level,
    [property: JsonPropertyName("Alarm_Notify")] int Notify,
    [property: JsonPropertyName("Notify_Address"), JsonConverter(typeof(FlexibleStringConverter))] string? Address,
    [property: JsonPropertyName("id")] long? Id = null)
{
    public AlarmDetails ToDetails() => new(Name ?? "", (AlarmLevel)Level, (AlarmType)Type, (NotifyChannel)Notify, Address ?? "");
}

/// <summary>6.6 / 6.7 body; <c>Meter_Parameter</c> only for type 2.</summary>
public sealed record AlarmRuleRequest(
    [property: JsonPropertyName("Rule_Name")] string Name,
    [property: JsonPropertyName("Alarm_id")] long AlarmId,
    [property: JsonPropertyName("Meter_id")] long MeterId,
    [property: JsonPropertyName("LowerLimit"), JsonConverter(typeof(FlexibleDecimalConverter))] decimal? LowerLimit,
    [property: JsonPropertyName("UpperLimit"), JsonConverter(typeof(FlexibleDecimalConverter))] decimal? UpperLimit,
    [property: JsonPropertyName("Meter_Parameter")] string? Parameter = null,
    [property: JsonPropertyName("id")] long? Id = null)
{
    public AlarmRuleDetails ToDetails() => new(
        Name ?? "", AlarmId, MeterId, Parameter ?? "",
        LowerLimit ?? throw Application.Common.ContractError.BadParameter("LowerLimit", "is required (a number)"),
        UpperLimit ?? throw Application.Common.ContractError.BadParameter("UpperLimit", "is required (a number)"));
}

/// <summary>An alarm as 6.1 answers it.</summary>
public sealed record AlarmResponse(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("Alarm_Name")] string Name,
    [property: JsonPropertyName("Alarm_Level")] int Level,
    [property: JsonPropertyName("Alarm_Type")] int Type,
    [property: JsonPropertyName("Alarm_Notify")] int Notify,
    [property: JsonPropertyName("Notify_Address")] string Address)
{
    public static AlarmResponse From(AlarmRow row) => new(row.Id, row.Name, row.Level, row.Type, row.Notify, row.Address);
}

/// <summary>A rule as 6.5 answers it (limits are JSON numbers: the seed types them float).</summary>
public sealed record AlarmRuleResponse(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("Rule_Name")] string Name,
    [property: JsonPropertyName("Alarm_id")] long AlarmId,
    [property: JsonPropertyName("Meter_id")] long MeterId,
    [property: JsonPropertyName("Meter_Parameter")] string Parameter,
    [property: JsonPropertyName("LowerLimit")] decimal LowerLimit,
    [property: JsonPropertyName("UpperLimit")] decimal UpperLimit)
{
    public static AlarmRuleResponse From(AlarmRuleRow row) =>
        new(row.Id, row.Name, row.AlarmId, row.MeterId, row.Parameter, row.LowerLimit, row.UpperLimit);
}
