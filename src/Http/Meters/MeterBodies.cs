using System.Globalization;
using System.Text.Json.Serialization;
using Energy.Application.Common;
using Energy.Application.Meters;
using Energy.Domain.Meters;
using Energy.Http.Contract;

namespace Energy.Http.Meters;

/// <summary>
/// 2.1 / 2.2 body. Name, type and machine are required; the rest may be left out (default on create, kept
/// on update). Flags are "0"/"1" (CONTRACT §1 Types); <c>Meter_Code</c> and <c>Meter_Version</c> are (ext).
/// </summary>
public sealed record MeterRequest(
    [property: JsonPropertyName("Meter_Name")] string Name,
    [property: JsonPropertyName("Meter_Type")] string Type,
    [property: JsonPropertyName("Meter_Superior_id")] long MachineId,
    [property: JsonPropertyName("id")] long? Id = null,
    [property: JsonPropertyName("Meter_Remarks")] string? Remarks = null,
    [property: JsonPropertyName("Meter_TotalAmount")] string? TotalAmount = null,
    [property: JsonPropertyName("Meter_IsVirtual"), JsonConverter(typeof(FlagConverter))] bool? IsVirtual = null,
    [property: JsonPropertyName("Meter_Formula")] string? Formula = null,
    [property: JsonPropertyName("Meter_IsTotal"), JsonConverter(typeof(FlagConverter))] bool? IsTotal = null,
    [property: JsonPropertyName("Meter_IsCount"), JsonConverter(typeof(FlagConverter))] bool? IsCount = null,
    [property: JsonPropertyName("Is_HandWork")] int? IsHandWork = null,
    [property: JsonPropertyName("Meter_Code")] string? Code = null,
    [property: JsonPropertyName("Meter_Version")] long? Version = null)
{
    public MeterInput ToInput() => new(
        Name, EnergyType(Type), MachineId, Remarks, IsVirtual, Formula, IsTotal, IsCount, HandWork(IsHandWork), Code, Amount(TotalAmount), Version);

    /// <summary>CONTRACT §2: 0–8.</summary>
    public static int EnergyType(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) && EnergyTypes.IsKnown(code)
            ? code
            : throw ContractError.BadParameter("Meter_Type", $"must be an energy type code {EnergyTypes.First}–{EnergyTypes.Last} (CONTRACT §2), got \"{text}\"");

    public static bool? HandWork(int? value) => value switch
    {
        null => null,
        0 => false,
        1 => true,
        _ => throw ContractError.BadParameter("Is_HandWork", $"must be 0 or 1, got {value}"),
    };

    private static decimal? Amount(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                ? amount
                : throw ContractError.BadParameter("Meter_TotalAmount", $"must be a number, got \"{text}\"");
}

/// <summary>A meter as 2.3 answers it (and the audit, as it stood then).</summary>
public sealed record MeterResponse(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("Meter_Name")] string Name,
    [property: JsonPropertyName("Meter_Type")] string Type,
    [property: JsonPropertyName("Meter_Superior")] string MachineName,
    [property: JsonPropertyName("Meter_Department")] string Department,
    [property: JsonPropertyName("Meter_Remarks")] string Remarks,
    [property: JsonPropertyName("Meter_TotalAmount")] string TotalAmount,
    [property: JsonPropertyName("Meter_IsVirtual")] string IsVirtual,
    [property: JsonPropertyName("Meter_Formula")] string Formula,
    [property: JsonPropertyName("Meter_IsTotal")] string IsTotal,
    [property: JsonPropertyName("Meter_IsCount")] string IsCount,
    [property: JsonPropertyName("Is_HandWork")] int IsHandWork,
    [property: JsonPropertyName("Meter_Superior_id")] long MachineId,
    [property: JsonPropertyName("Meter_Parameter")] string Parameters,
    [property: JsonPropertyName("Meter_Code")] string Code,
    [property: JsonPropertyName("Meter_Version")] long Version)
{
    public static MeterResponse From(MeterRow row) => new(
        row.Id, row.Name, row.EnergyType.ToString(CultureInfo.InvariantCulture), row.MachineName, row.Department, row.Remarks,
        row.TotalAmount.ToString("0.####", CultureInfo.InvariantCulture), Flag(row.IsVirtual), row.Formula, Flag(row.IsTotal),
        Flag(row.IsCount), row.IsHandWork ? 1 : 0, row.MachineId, row.Parameters, row.DeviceCode, row.Version);

    private static string Flag(bool value) => value ? "1" : "0";
}
