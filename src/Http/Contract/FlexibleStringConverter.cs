using System.Text.Json;
using System.Text.Json.Serialization;
using Energy.Application.Common;

namespace Energy.Http.Contract;

/// <summary>
/// A seed <c>str</c> field that clients may send as a number (CONTRACT §1 Types): accepts
/// <c>"12.5"</c> and <c>12.5</c>, keeps the number's text exactly as sent; writes a JSON string.
/// </summary>
public sealed class FlexibleStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => Text(ref reader),
            JsonTokenType.Number => FlexibleNumber.RawText(ref reader),
            JsonTokenType.True => "1",
            JsonTokenType.False => "0",
            _ => throw new ContractValueException("must be a string or a number"),
        };

    /// <summary>
    /// Every JSON string of every body passes here, so this is where text that PostgreSQL could not store (NUL) or
    /// that is not Unicode at all (invalid UTF-8, a lone surrogate escape) is refused; the edge adds the field's name.
    /// </summary>
    private static string Text(ref Utf8JsonReader reader)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new ContractValueException(TextInput.InvalidUnicode);
        }

        return TextInput.HasNul(text) ? throw new ContractValueException(TextInput.NulRefusal) : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
