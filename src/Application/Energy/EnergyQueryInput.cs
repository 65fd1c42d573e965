using System.Globalization;
using Energy.Application.Common;
using Energy.Domain.Calendar;
using Energy.Domain.Meters;

namespace Energy.Application.Energy;

/// <summary>The seed's string parameters of 3.1–3.5 as they arrive (query string or JSON body).</summary>
public sealed record EnergyQueryText(
    string? TimeType,
    string? TimeStart,
    string? TimeEnd,
    string? TimeInterval,
    string? AmountType,
    string? AmountCombination,
    string? AmountSortName,
    string? AmountValue,
    string? AsOfSequence);

/// <summary>Checks 3.1–3.5 parameters; every refusal is 4103 naming the field (CONTRACT §1 Errors).</summary>
public static class EnergyQueryInput
{
    public const string TimeTypeField = "Time_Type";
    public const string TimeStartField = "Time_Start";
    public const string TimeEndField = "Time_End";
    public const string TimeIntervalField = "Time_Interval";
    public const string AmountTypeField = "Amount_Type";
    public const string AmountCombinationField = "Amount_Combination";
    public const string AmountSortNameField = "Amount_SortName";
    public const string AmountValueField = "Amount_Value";
    public const string AsOfSequenceField = "As_Of_Sequence";

    public static EnergyQuery Parse(EnergyQueryText text, PlantTime plantTime)
    {
        var timeType = Int(text.TimeType, TimeTypeField, required: true) switch
        {
            1 => TimeType.Year,
            2 => TimeType.Month,
            3 => TimeType.Day,
            var other => throw ContractError.BadParameter(TimeTypeField, $"must be 1 (year), 2 (month) or 3 (day), got {other}"),
        };
        var start = plantTime.Parse(Required(text.TimeStart, TimeStartField), TimeStartField);
        var end = plantTime.Parse(Required(text.TimeEnd, TimeEndField), TimeEndField);
        if (end <= start)
        {
            throw ContractError.BadParameter(TimeEndField,
                $"must be after Time_Start ({plantTime.Format(start)}), got {plantTime.Format(end)}");
        }

        var interval = Int(text.TimeInterval, TimeIntervalField, required: false);
        if (interval is < 1)
        {
            throw ContractError.BadParameter(TimeIntervalField, $"must be a positive integer (months for a year query, days for a month query, minutes for a day query), got {interval}");
        }

        var amountType = Int(text.AmountType, AmountTypeField, required: true) switch
        {
            var t and >= 1 and <= 4 => (AmountType)t!,
            var other => throw ContractError.BadParameter(AmountTypeField, $"must be 1 (energy type), 2 (meter), 3 (machine) or 4 (department), got {other}"),
        };
        var combination = Int(text.AmountCombination, AmountCombinationField, required: false) switch
        {
            null or 1 => AmountCombination.ByEnergyType,
            2 => AmountCombination.ByMeter,
            var other => throw ContractError.BadParameter(AmountCombinationField, $"must be 1 (× energy type) or 2 (× meter), got {other}"),
        };
        var types = ParameterList.SplitInts(text.AmountValue, AmountValueField);
        foreach (var type in types.Where(t => !EnergyTypes.IsKnown(t)))
        {
            throw ContractError.BadParameter(AmountValueField, $"lists energy type codes {EnergyTypes.First}–{EnergyTypes.Last} (CONTRACT §2), got {type}");
        }

        long? asOf = null;
        if (!string.IsNullOrWhiteSpace(text.AsOfSequence))
        {
            asOf = long.TryParse(text.AsOfSequence.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
                ? seq
                : throw ContractError.BadParameter(AsOfSequenceField, $"must be a non-negative event sequence number, got \"{text.AsOfSequence}\"");
        }

        return new EnergyQuery(timeType, start, end, interval, amountType, combination,
            ParameterList.Split(text.AmountSortName), types.Distinct().ToList(), asOf);
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw ContractError.BadParameter(field, "is required") : value;

    private static int? Int(string? value, string field, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? throw ContractError.BadParameter(field, "is required") : null;
        }

        return int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw ContractError.BadParameter(field, $"must be an integer, got \"{value}\"");
    }
}
