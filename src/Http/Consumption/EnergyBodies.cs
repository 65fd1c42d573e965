using System.Text.Json.Serialization;
using Energy.Application.Energy;
using Energy.Http.Contract;

namespace Energy.Http.Consumption;

/// <summary>3.4/3.5 body: the seed types every field <c>str</c>; numbers are accepted too (CONTRACT §1 Types).</summary>
public sealed record EnergyQueryRequest(
    [property: JsonPropertyName("Time_Type"), JsonConverter(typeof(FlexibleStringConverter))] string? TimeType = null,
    [property: JsonPropertyName("Time_Start")] string? TimeStart = null,
    [property: JsonPropertyName("Time_End")] string? TimeEnd = null,
    [property: JsonPropertyName("Time_Interval"), JsonConverter(typeof(FlexibleStringConverter))] string? TimeInterval = null,
    [property: JsonPropertyName("Amount_Type"), JsonConverter(typeof(FlexibleStringConverter))] string? AmountType = null,
    [property: JsonPropertyName("Amount_Combination"), JsonConverter(typeof(FlexibleStringConverter))] string? AmountCombination = null,
    [property: JsonPropertyName("Amount_SortName")] string? AmountSortName = null,
    [property: JsonPropertyName("Amount_Value"), JsonConverter(typeof(FlexibleStringConverter))] string? AmountValue = null,
    [property: JsonPropertyName("As_Of_Sequence"), JsonConverter(typeof(FlexibleStringConverter))] string? AsOfSequence = null)
{
    public EnergyQueryText ToText() =>
        new(TimeType, TimeStart, TimeEnd, TimeInterval, AmountType, AmountCombination, AmountSortName, AmountValue, AsOfSequence);
}

/// <summary>A 3.1 row; (ext) <c>Meter_Department</c> names the department (Amount_Type 4) and <c>Total_Cost</c> the cost.</summary>
public sealed record TotalRow(
    [property: JsonPropertyName("Meter_Department")] string Department,
    [property: JsonPropertyName("Meter_Superior")] string Machine,
    [property: JsonPropertyName("Meter_Name")] string Meter,
    [property: JsonPropertyName("Ene_Type")] string EnergyType,
    [property: JsonPropertyName("Ene_Name")] string EnergyName,
    [property: JsonPropertyName("Total_Amount")] string TotalAmount,
    [property: JsonPropertyName("Total_Cost")] string TotalCost);

/// <summary>A 3.2 row: one group at one point.</summary>
public sealed record DetailRow(
    [property: JsonPropertyName("Time")] string Time,
    [property: JsonPropertyName("Meter_Department")] string Department,
    [property: JsonPropertyName("Meter_Superior")] string Machine,
    [property: JsonPropertyName("Meter_Name")] string Meter,
    [property: JsonPropertyName("Ene_Type")] string EnergyType,
    [property: JsonPropertyName("Ene_Name")] string EnergyName,
    [property: JsonPropertyName("Total_Amount")] string TotalAmount,
    [property: JsonPropertyName("Total_Cost")] string TotalCost);

public sealed record DetailAmount(
    [property: JsonPropertyName("Time")] string Time,
    [property: JsonPropertyName("Total_Amount")] string TotalAmount,
    [property: JsonPropertyName("Total_Cost")] string TotalCost);

public sealed record ShiftAmount(
    [property: JsonPropertyName("Shift_Name")] string Name,
    [property: JsonPropertyName("Shift_Amount")] string Amount);

/// <summary>A 3.5 row with its points and shifts; (ext) the whole window's <c>Total_Amount</c> and <c>Total_Cost</c>.</summary>
public sealed record FormRow(
    [property: JsonPropertyName("Meter_Department")] string Department,
    [property: JsonPropertyName("Meter_Superior")] string Machine,
    [property: JsonPropertyName("Meter_Name")] string Meter,
    [property: JsonPropertyName("Ene_Type")] string EnergyType,
    [property: JsonPropertyName("Ene_Name")] string EnergyName,
    [property: JsonPropertyName("Total_Amount")] string TotalAmount,
    [property: JsonPropertyName("Total_Cost")] string TotalCost,
    [property: JsonPropertyName("Shift_Amounts")] IReadOnlyList<ShiftAmount> ShiftAmounts,
    [property: JsonPropertyName("Detail_Amounts")] IReadOnlyList<DetailAmount> DetailAmounts);

/// <summary>3.4's answer; (ext) the sequence the figures are as of.</summary>
public sealed record ReportFile(
    [property: JsonPropertyName("File_Name")] string FileName,
    [property: JsonPropertyName("As_Of_Sequence")] long Sequence);
