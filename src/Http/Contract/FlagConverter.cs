using System.Text.Json;
using System.Text.Json.Serialization;

namespace Energy.Http.Contract;

/// <summary>
/// A seed flag (<c>Meter_IsVirtual</c>, <c>Meter_IsTotal</c>, <c>Meter_IsCount</c>): <c>"0"</c>/<c>"1"</c>
/// on the wire (CONTRACT §1 Types), a bool inside. Also accepts 0/1 and true/false as sent by lax clients.
/// </summary>
public sealed class FlagConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.Number when reader.TryGetInt32(out var n) && n is 0 or 1: return n == 1;
            case JsonTokenType.String:
                switch (reader.GetString()?.Trim())
                {
                    case "1": return true;
                    case "0": return false;
                }

                break;
        }

        throw new ContractValueException("must be \"0\" or \"1\"");
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value ? "1" : "0");
}
