using System.Text.Json;
using Energy.Application.Common;

namespace Energy.Application.Vendor;

public static partial class VendorPayload
{
    /// <summary>A field's name; one that is not valid text, or holds a NUL, is refused (it would become a jsonb key).</summary>
    private static string Name(JsonProperty property, string path)
    {
        try
        {
            return TextInput.HasNul(property.Name)
                ? throw ContractError.BadParameter(path, $"has a field name that {TextInput.NulRefusal}")
                : property.Name;
        }
        catch (InvalidOperationException)
        {
            throw ContractError.BadParameter(path, $"has a field name that {TextInput.InvalidUnicode}");
        }
    }

    /// <summary>
    /// A field as text: strings as themselves, numbers as their JSON digits (never through double), null as absent.
    /// Text that is not valid UTF-8 or UTF-16 (<c>\ud800</c> alone) or that holds a NUL is a 4103 naming <paramref name="field"/>.
    /// </summary>
    private static string? Text(JsonElement value, string field)
    {
        try
        {
            var text = TextOf(value);
            return text is null ? null : TextInput.Checked(text, field);
        }
        catch (InvalidOperationException)
        {
            throw ContractError.BadParameter(field, TextInput.InvalidUnicode);
        }
    }

    private static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
