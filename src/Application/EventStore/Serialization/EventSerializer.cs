using System.Text.Json;
using System.Text.Json.Serialization;

namespace Energy.Application.EventStore;

/// <summary>JSON for event data and headers. Decimals stay decimals (jsonb numeric keeps every digit).</summary>
public sealed class EventSerializer(EventTypeRegistry registry)
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters =
        {
            new JsonStringEnumConverter(),
            new SharedKeyDictionaryConverter<string>(),
            new SharedKeyDictionaryConverter<decimal>(),
        },
    };

    public EventTypeRegistry Registry => registry;

    public (string Type, string Json) Serialize(object data) =>
        (registry.NameOf(data.GetType()), JsonSerializer.Serialize(data, data.GetType(), Options));

    /// <summary>
    /// Reads stored data back. An event whose type this build does not know comes back as an
    /// <see cref="UnknownEvent"/> so that readers of old or foreign events never fail.
    /// </summary>
    public object Deserialize(string type, string json) =>
        registry.TypeOf(type) is { } clr
            ? JsonSerializer.Deserialize(json, clr, Options) ?? throw new JsonException($"Event {type} has null data.")
            : new UnknownEvent(type, JsonDocument.Parse(json).RootElement.Clone());

    public static string? SerializeHeaders(IReadOnlyDictionary<string, string>? headers) =>
        headers is null || headers.Count == 0 ? null : JsonSerializer.Serialize(headers, Options);

    public static IReadOnlyDictionary<string, string>? DeserializeHeaders(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json, Options);
}

/// <summary>Stored data of a type this build has no CLR type for.</summary>
public sealed record UnknownEvent(string Type, JsonElement Data);
