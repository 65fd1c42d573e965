using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Energy.Application.Common;
using Energy.Domain.Platform;

namespace Energy.Application.Platform;

/// <summary>
/// 5.2's body checked against every field the seed marks 必填; optional fields are kept as given, so 5.3
/// answers what was uploaded. Numbers sent as strings (and the reverse) are accepted where the seed is loose.
/// </summary>
public static class OrganisationInput
{
    public static (IReadOnlyList<CollectItem> Items, JsonObject Document) Validate(JsonObject body)
    {
        var configs = body["collectItemConfig"] as JsonArray
            ?? throw ContractError.BadParameter("collectItemConfig", "is required (a list of collect items)");
        var items = configs.Select((node, i) => Item(node as JsonObject
            ?? throw ContractError.BadParameter($"collectItemConfig[{i}]", "must be an object"), $"collectItemConfig[{i}]")).ToList();

        var enterprise = body["enterprise"] as JsonObject
            ?? throw ContractError.BadParameter("enterprise", "is required (the organisation's description)");
        foreach (var field in new[] { "name", "typeCode", "industryCode", "phone" })
        {
            Required(enterprise, field, "enterprise");
        }

        var region = Required(enterprise, "regionCode", "enterprise");
        if (region.Length != 6 || !region.All(char.IsAsciiDigit))
        {
            throw ContractError.BadParameter("enterprise.regionCode", $"must be 6 digits (to the prefecture), got \"{region}\"");
        }

        foreach (var field in new[] { "center", "jgzh" })
        {
            if (enterprise[field]?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw ContractError.BadParameter($"enterprise.{field}", "is required (true or false)");
            }
        }

        var level = Number(enterprise, "energyConsumeLevel", "enterprise");
        if (level is < 1 or > 6 || level != decimal.Truncate(level))
        {
            throw ContractError.BadParameter("enterprise.energyConsumeLevel", $"must be 1 to 6, got {level}");
        }

        var latitude = Number(enterprise, "latitude", "enterprise");
        var longitude = Number(enterprise, "longitude", "enterprise");
        if (latitude is < -90 or > 90)
        {
            throw ContractError.BadParameter("enterprise.latitude", "must be between -90 and 90");
        }

        if (longitude is < -180 or > 180)
        {
            throw ContractError.BadParameter("enterprise.longitude", "must be between -180 and 180");
        }

        // The 5.2 table marks group 是 (required); its fields are all optional.
        if (body["group"] is not JsonObject)
        {
            throw ContractError.BadParameter("group", "is required (the group the organisation belongs to, its fields may be empty)");
        }

        foreach (var list in new[] { "process", "processUnit" })
        {
            if (body[list] is not null and not JsonArray)
            {
                throw ContractError.BadParameter(list, "must be a list when given");
            }
        }

        var document = new JsonObject
        {
            ["collectItemConfig"] = new JsonArray(items.Select(ToJson).ToArray()),
            ["enterprise"] = enterprise.DeepClone(),
            ["group"] = body["group"]!.DeepClone(),
            ["process"] = body["process"]?.DeepClone() ?? new JsonArray(),
            ["processUnit"] = body["processUnit"]?.DeepClone() ?? new JsonArray(),
        };
        return (items, document);
    }

    public static JsonNode ToJson(CollectItem item) => new JsonObject
    {
        ["name"] = item.Name,
        ["Meter_id"] = item.MeterId,
        ["processCode"] = item.ProcessCode,
        ["processUnitCode"] = item.ProcessUnitCode,
        ["equipmentCode"] = item.EquipmentCode,
        ["equipmentUnitCode"] = item.EquipmentUnitCode,
        ["Energy_Code"] = item.EnergyCode,
        ["Real_zbckz"] = item.RealZbckz ?? "",
        ["dataUsageCode"] = item.DataUsageCode,
        ["inputType"] = item.InputType,
        ["statType"] = item.StatType,
        ["collectSystemName"] = item.CollectSystemName ?? "",
        ["remark"] = item.Remark ?? "",
        ["scope"] = item.Scope,
    };

    private static CollectItem Item(JsonObject o, string at)
    {
        var meterText = Required(o, "Meter_id", at);
        if (!long.TryParse(meterText, NumberStyles.None, CultureInfo.InvariantCulture, out var meterId) || meterId <= 0)
        {
            throw ContractError.BadParameter($"{at}.Meter_id", $"must be a meter id, got \"{meterText}\"");
        }

        var energyCode = Required(o, "Energy_Code", at);
        Digits(energyCode, 6, $"{at}.Energy_Code");
        var usage = Required(o, "dataUsageCode", at);
        Digits(usage, 2, $"{at}.dataUsageCode");
        var inputType = Required(o, "inputType", at);
        if (inputType is not ("1" or "2" or "3" or "4" or "5"))
        {
            throw ContractError.BadParameter($"{at}.inputType", $"must be a data-collection source 1 to 5, got \"{inputType}\"");
        }

        var statType = Required(o, "statType", at);
        if (statType is not ("0" or "1" or "2" or "3"))
        {
            throw ContractError.BadParameter($"{at}.statType", $"must be 0 (real time), 1 (day), 2 (month) or 3 (year), got \"{statType}\"");
        }

        var scopeText = Required(o, "scope", at);
        if (scopeText is not ("1" or "2" or "3" or "4"))
        {
            throw ContractError.BadParameter($"{at}.scope", $"must be 1 (plant), 2 (process), 3 (process unit) or 4 (key equipment), got \"{scopeText}\"");
        }

        var zbckz = Optional(o, "Real_zbckz");
        if (zbckz is { Length: > 0 } && !decimal.TryParse(zbckz, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            throw ContractError.BadParameter($"{at}.Real_zbckz", $"must be a number, got \"{zbckz}\"");
        }

        return new CollectItem(
            Optional(o, "name") ?? "",
            meterId,
            Code(o, "processCode", at),
            Code(o, "processUnitCode", at),
            Code(o, "equipmentCode", at),
            Code(o, "equipmentUnitCode", at),
            energyCode,
            zbckz is { Length: > 0 } ? zbckz : null,
            usage,
            inputType,
            statType,
            Optional(o, "collectSystemName"),
            Optional(o, "remark"),
            int.Parse(scopeText, CultureInfo.InvariantCulture));
    }

    /// <summary>A 2-digit code; "不填默认为00".</summary>
    private static string Code(JsonObject o, string field, string at)
    {
        var value = Optional(o, field);
        if (string.IsNullOrEmpty(value))
        {
            return "00";
        }

        Digits(value, 2, $"{at}.{field}");
        return value;
    }

    private static void Digits(string value, int length, string field)
    {
        if (value.Length != length || !value.All(char.IsAsciiDigit))
        {
            throw ContractError.BadParameter(field, $"must be {length} digits, got \"{value}\"");
        }
    }

    private static string Required(JsonObject o, string field, string at) =>
        Optional(o, field) is { Length: > 0 } value ? value : throw ContractError.BadParameter($"{at}.{field}", "is required");

    private static decimal Number(JsonObject o, string field, string at)
    {
        var text = Required(o, field, at);
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ContractError.BadParameter($"{at}.{field}", $"must be a number, got \"{text}\"");
    }

    private static string? Optional(JsonObject o, string field) => o[field] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Trim(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        _ => throw ContractError.BadParameter(field, "must be a string or a number"),
    };
}
