using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Energy.Http.Contract;

/// <summary>
/// A decimal that clients may send as <c>12.5</c> or <c>"12.5"</c>; written as a JSON number.
/// Amounts are decimals end to end (CONTRACT §1 Amounts), never parsed through double.
/// </summary>
public sealed class FlexibleDecimalConverter : JsonConverter<decimal>
{
    private const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number))
        {
            return number;
        }

        var text = FlexibleNumber.Text(ref reader, "a number");
        return decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new ContractValueException($"must be a number, got \"{text}\"");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);
}

/// <summary>An integer that clients may send as <c>3</c> or <c>"3"</c>; written as a JSON number.</summary>
public sealed class FlexibleIntConverter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
        {
            return number;
        }

        var text = FlexibleNumber.Text(ref reader, "an integer");
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new ContractValueException($"must be an integer, got \"{text}\"");
    }

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);
}

/// <summary>A long (ids, counters) that clients may send as <c>3</c> or <c>"3"</c>; written as a JSON number.</summary>
public sealed class FlexibleLongConverter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            return number;
        }

        var text = FlexibleNumber.Text(ref reader, "an integer");
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new ContractValueException($"must be an integer, got \"{text}\"");
    }

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);
}

internal static class FlexibleNumber
{
    /// <summary>The token's text, trimmed, for a number or a string token; anything else is refused.</summary>
    public static string Text(ref Utf8JsonReader reader, string expected) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!.Trim(),
        JsonTokenType.Number => FlexibleNumber.RawText(ref reader),
        _ => throw new ContractValueException($"must be {expected}"),
    };

    /// <summary>A number token's text as sent (so "12.50" keeps its digits).</summary>
    public static string RawText(ref Utf8JsonReader reader) => reader.HasValueSequence
        ? System.Text.EncodingExtensions.GetString(System.Text.Encoding.UTF8, reader.ValueSequence)
        : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
}
