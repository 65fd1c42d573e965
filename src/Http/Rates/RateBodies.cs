using System.Globalization;
using System.Text.Json.Serialization;
using Energy.Application.Common;
using Energy.Domain.Calendar;
using Energy.Domain.Rates;

namespace Energy.Http.Rates;

/// <summary>Seed 4.1's body. The seed types the prices and times <c>str</c>; numbers are accepted too.</summary>
public sealed record ChangeRateRequest(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("Rate_Name")] string RateName,
    [property: JsonPropertyName("Rate_Type")] string RateType,
    [property: JsonPropertyName("isSegmentation")] string IsSegmentation,
    [property: JsonPropertyName("Rate_Unit")] string RateUnit,
    [property: JsonPropertyName("Rate_Value")] string? RateValue = null,
    [property: JsonPropertyName("Seg_Begin")] string? SegBegin = null,
    [property: JsonPropertyName("Seg_Begin_Rate")] string? SegBeginRate = null,
    [property: JsonPropertyName("Seg_End")] string? SegEnd = null,
    [property: JsonPropertyName("Seg_End_Rate")] string? SegEndRate = null)
{
    /// <summary>The terms; a malformed field → 4103 naming it. Blank optional fields count as absent.</summary>
    public RateTerms ToTerms() => new(
        RateName.Trim(),
        RateType.Trim(),
        RateUnit.Trim(),
        IsSegmentation.Trim() switch
        {
            "0" => true,
            "1" => false,
            var other => throw ContractError.BadParameter("isSegmentation", $"must be \"0\" (segmented) or \"1\" (not segmented), got \"{other}\""),
        },
        Price("Rate_Value", RateValue),
        Time("Seg_Begin", SegBegin),
        Price("Seg_Begin_Rate", SegBeginRate),
        Time("Seg_End", SegEnd),
        Price("Seg_End_Rate", SegEndRate));

    private static decimal? Price(string field, string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value
        : throw ContractError.BadParameter(field, $"must be a price like \"0.85\", got \"{text}\"");

    private static TimeOnly? Time(string field, string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : ClockTime.TryParse(text) ?? throw ContractError.BadParameter(field, $"must be a time of day like \"08:00:00\", got \"{text}\"");
}

/// <summary>Seed 4.2's row; absent values are "".</summary>
public sealed record RateResponse(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("Rate_Name")] string RateName,
    [property: JsonPropertyName("Rate_Type")] string RateType,
    [property: JsonPropertyName("Rate_Value")] string RateValue,
    [property: JsonPropertyName("isSegmentation")] string IsSegmentation,
    [property: JsonPropertyName("Seg_Begin")] string SegBegin,
    [property: JsonPropertyName("Seg_Begin_Rate")] string SegBeginRate,
    [property: JsonPropertyName("Seg_End")] string SegEnd,
    [property: JsonPropertyName("Seg_End_Rate")] string SegEndRate,
    [property: JsonPropertyName("Rate_Unit")] string RateUnit)
{
    public static RateResponse From(Rate rate)
    {
        var t = rate.Terms!;
        return new(rate.Id, t.Name, t.RateType, Text(t.Value), t.Segmented ? "0" : "1",
            t.SegBegin is { } b ? ClockTime.Format(b) : "", Text(t.SegBeginRate),
            t.SegEnd is { } e ? ClockTime.Format(e) : "", Text(t.SegEndRate), t.Unit);
    }

    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
