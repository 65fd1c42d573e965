using System.Security.Cryptography;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
using Energy.Application.Common;
using Energy.Domain.Readings;

namespace Energy.Application.Vendor;

/// <summary>One signed envelope of a push (2.3, id = <c>data_id</c>) or a callback (2.2, id = <c>task_id</c>).</summary>
/// <param name="Path">Where it sits in the body ("" for a lone object, "[2]." in an array), for error messages.</param>
public sealed record VendorDelivery(string Path, string Sign, string Meter, string Id, JsonElement Data, string PayloadHash);

/// <summary>One 附1 item of a delivery's <c>data</c>: every field as text, and its <c>sjsj</c> as an instant when present.</summary>
public sealed record VendorReadingItem(string Path, IReadOnlyDictionary<string, string> Fields, DateTimeOffset? ReadAt);

/// <summary>
/// Reads the vendor's webhook bodies (seed 003 2.2, 2.3, 附1): the one place that knows their field names.
/// Anything malformed is a 4103 naming the field (<c>data[0].axdy</c>), so the vendor's people can fix it.
/// </summary>
public static partial class VendorPayload
{
    public const string SignField = "sign";
    public const string MeterField = "meter";
    public const string DataIdField = "data_id";
    public const string TaskIdField = "task_id";
    public const string DataField = "data";
    public const string TimeField = "sjsj";
    public const int MaxKeyLength = 128;

    /// <summary>
    /// The envelopes of a body: one object as the seed shows, or (ext) an array of them, so a collector can
    /// send several devices' data in one request that is stored atomically.
    /// </summary>
    public static IReadOnlyList<VendorDelivery> ReadDeliveries(JsonElement root, string idField)
    {
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                return [ReadDelivery(root, "", idField)];
            case JsonValueKind.Array when root.GetArrayLength() == 0:
                throw ContractError.BadRequest("the body is an empty array; send one object or an array of objects with sign, meter and " + idField);
            case JsonValueKind.Array:
                return root.EnumerateArray().Select((e, i) => ReadDelivery(e, $"[{i}].", idField)).ToList();
            default:
                throw ContractError.BadRequest("the body must be a JSON object with sign, meter, " + idField + " and data");
        }
    }

    /// <summary>The 附1 items of <c>data</c> (an object or a non-empty array of objects), each validated.</summary>
    public static IReadOnlyList<VendorReadingItem> ReadItems(VendorDelivery delivery, PlantTime plantTime, bool timeRequired)
    {
        var data = delivery.Data;
        var field = delivery.Path + DataField;
        IReadOnlyList<VendorReadingItem> items = data.ValueKind switch
        {
            JsonValueKind.Object => [ReadItem(data, field, plantTime, timeRequired)],
            JsonValueKind.Array when data.GetArrayLength() == 0 => throw ContractError.BadParameter(field, "must hold at least one reading (附1), got an empty array"),
            JsonValueKind.Array => data.EnumerateArray().Select((e, i) => ReadItem(e, $"{field}[{i}]", plantTime, timeRequired)).ToList(),
            _ => throw ContractError.BadParameter(field, "must be a reading object (附1) or an array of them"),
        };

        // The fields read above name themselves; this catches a broken byte anywhere else (the readings are jsonb).
        return Utf8.IsValid(JsonMarshal.GetRawUtf8Value(data)) ? items : throw ContractError.BadParameter(field, TextInput.InvalidUnicode);
    }

    private static VendorDelivery ReadDelivery(JsonElement element, string path, string idField)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw ContractError.BadParameter(path.TrimEnd('.'), "must be an object with sign, meter, " + idField + " and data");
        }

        var sign = RequiredText(element, SignField, path);
        var meter = RequiredText(element, MeterField, path);
        var id = RequiredText(element, idField, path);
        // The device number becomes part of stream ids (readings-<device>-<day>) and the id a key of the inbox.
        if (!DeviceNumber.IsValid(meter))
        {
            throw ContractError.BadParameter(path + MeterField, DeviceNumber.Expectation(meter));
        }

        if (id.Length > MaxKeyLength)
        {
            throw ContractError.BadParameter(path + idField, $"must be at most {MaxKeyLength} characters long");
        }

        if (!element.TryGetProperty(DataField, out var data) || data.ValueKind == JsonValueKind.Null)
        {
            throw ContractError.BadParameter(path + DataField, "is required");
        }

        // The bytes as sent: for UTF-8 (ReadItems refuses anything else) the same hash as of their text.
        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonMarshal.GetRawUtf8Value(data)));
        return new VendorDelivery(path, sign, meter, id, data, hash);
    }

    private static VendorReadingItem ReadItem(JsonElement item, string path, PlantTime plantTime, bool timeRequired)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw ContractError.BadParameter(path, "must be a reading object (附1)");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in item.EnumerateObject())
        {
            var name = Name(property, path);
            if (Text(property.Value, $"{path}.{name}") is not { } text)
            {
                continue;
            }

            // 附1 types these as number: a value that is not one would poison every sum built on it.
            var number = 0m;
            if (ReadingParameters.IsNumericField(name) && !ReadingDecider.TryParseNumber(text, out number))
            {
                throw ContractError.BadParameter($"{path}.{name}", $"must be a number, got \"{text}\"");
            }

            if (ReadingParameters.IsCounterField(name) && number < 0)
            {
                throw ContractError.BadParameter($"{path}.{name}", $"is a cumulative counter and must not be negative, got {text}");
            }

            fields[name] = text;
        }

        DateTimeOffset? readAt = null;
        if (fields.TryGetValue(TimeField, out var time))
        {
            readAt = plantTime.TryParseInstant(time, out var instant)
                ? instant
                : throw ContractError.BadParameter($"{path}.{TimeField}", $"must be a time like \"2021-09-28 09:04:00\", got \"{time}\"");
        }
        else if (timeRequired)
        {
            throw ContractError.BadParameter($"{path}.{TimeField}", "is required (the reading's time)");
        }

        return new VendorReadingItem(path, fields, readAt);
    }

    private static string RequiredText(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) && Text(value, path + name) is { Length: > 0 } text && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? text
            : throw ContractError.BadParameter(path + name, "is required (a non-empty string)");

    /// <summary>The plant day a reading belongs to, for its stream.</summary>
    public static DateOnly PlantDay(PlantTime plantTime, DateTimeOffset instant) =>
        DateOnly.FromDateTime(plantTime.ToWallClock(instant));
}
