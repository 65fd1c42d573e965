using System.Globalization;
using System.Text.Json.Serialization;
using Energy.Application.Oee;
using Energy.Domain.Oee;

namespace Energy.Http.Oee;

/// <summary>7.2 body (7.3 adds <c>id</c>); every field is required by the seed. Limits are decimals, never doubles.</summary>
public sealed record OeeRuleRequest(
    [property: JsonPropertyName("Rule_Name")] string Name,
    [property: JsonPropertyName("Status_Name")] string StatusName,
    [property: JsonPropertyName("Meter_id")] long MeterId,
    [property: JsonPropertyName("Meter_Parameter")] string Parameter,
    [property: JsonPropertyName("LowerLimit")] decimal Lower,
    [property: JsonPropertyName("UpperLimit")] decimal Upper,
    [property: JsonPropertyName("Meter_Superior_id")] long MachineId)
{
    public OeeRuleDetails ToDetails() => new(Name, StatusName, MachineId, MeterId, Parameter, Lower, Upper);
}

/// <summary>7.3 body: the rule's id and its whole new description.</summary>
public sealed record ChangeOeeRuleRequest(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("Rule_Name")] string Name,
    [property: JsonPropertyName("Status_Name")] string StatusName,
    [property: JsonPropertyName("Meter_id")] long MeterId,
    [property: JsonPropertyName("Meter_Parameter")] string Parameter,
    [property: JsonPropertyName("LowerLimit")] decimal Lower,
    [property: JsonPropertyName("UpperLimit")] decimal Upper,
    [property: JsonPropertyName("Meter_Superior_id")] long MachineId)
{
    public OeeRuleDetails ToDetails() => new(Name, StatusName, MachineId, MeterId, Parameter, Lower, Upper);
}

/// <summary>A rule as 7.1 answers it; <c>Meter_Superior_id</c> is typed str there.</summary>
public sealed record OeeRuleResponse(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("Rule_Name")] string Name,
    [property: JsonPropertyName("Status_Name")] string StatusName,
    [property: JsonPropertyName("Meter_id")] long MeterId,
    [property: JsonPropertyName("Meter_Parameter")] string Parameter,
    [property: JsonPropertyName("LowerLimit")] decimal Lower,
    [property: JsonPropertyName("UpperLimit")] decimal Upper,
    [property: JsonPropertyName("Meter_Superior_id")] string MachineId)
{
    public static OeeRuleResponse From(OeeRuleRow row) => new(
        row.Id, row.Name, row.StatusName, row.MeterId, row.Parameter, row.Lower, row.Upper, row.MachineId.ToString(CultureInfo.InvariantCulture));
}

/// <summary>A 7.5 row.</summary>
public sealed record OeeRecordResponse(
    [property: JsonPropertyName("Time")] string Time,
    [property: JsonPropertyName("Status_Name")] string StatusName);

/// <summary>A 7.6 row; <c>Availability</c> (ext) is a share between 0 and 1.</summary>
public sealed record OeeStatisticResponse(
    [property: JsonPropertyName("Time")] string Time,
    [property: JsonPropertyName("Total_Amount")] long Seconds,
    [property: JsonPropertyName("Status_Name")] string StatusName,
    [property: JsonPropertyName("Availability")] decimal Availability);
