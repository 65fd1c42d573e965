using System.Text.Json;
using System.Text.Json.Serialization;

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
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => FlexibleNumber.RawText(ref reader),
            JsonTokenType.True => "1",
            JsonTokenType.False => "0",
            _ => throw new ContractValueException("must be a string or a number"),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
