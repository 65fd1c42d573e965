using System.Globalization;

namespace Energy.Domain.Readings;

/// <summary>Records one delivered reading: the 附1 fields of one <c>data</c> item, already validated at the edge.</summary>
public sealed record RecordReading(
    string Device,
    DateTimeOffset ReadAt,
    string DataId,
    IReadOnlyDictionary<string, string> Fields,
    string? TaskId = null);

/// <summary>
/// Readings are facts from outside: there is no state to decide against, only the translation of a
/// delivery into the events every reader builds on (the reading, then one event per device event code).
/// Deduplication is the inbox's job (by <c>data_id</c>), not the decider's.
/// </summary>
public static class ReadingDecider
{
    public const string EventField = "sjzt";

    public static IReadOnlyList<object> Decide(RecordReading command)
    {
        var events = new List<object>
        {
            new MeterReadingReceived(command.Device, command.ReadAt, command.DataId, command.Fields, ParametersOf(command.Fields), command.TaskId),
        };

        foreach (var code in DeviceEventCodes.Parse(command.Fields.GetValueOrDefault(EventField)))
        {
            events.Add(new DeviceEventReported(command.Device, command.ReadAt, code, DeviceEventCodes.NameOf(code), command.DataId));
        }

        return events;
    }

    /// <summary>The mapped parameters with decimal values; a field that is absent or not a number is left out.</summary>
    public static IReadOnlyDictionary<string, decimal> ParametersOf(IReadOnlyDictionary<string, string> fields)
    {
        var parameters = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (field, parameter) in ReadingParameters.FieldToParameter)
        {
            if (fields.TryGetValue(field, out var text) && TryParseNumber(text, out var value))
            {
                parameters[parameter] = value;
            }
        }

        return parameters;
    }

    /// <summary>A 附1 number: invariant culture, exponent allowed (1.2E-05), never binary floating point.</summary>
    public static bool TryParseNumber(string? text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
