using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Energy.Application.EventStore;

/// <summary>
/// Reads <c>IReadOnlyDictionary&lt;string, T&gt;</c> event properties (a reading's 31 附1 fields and its
/// parameters) with one shared string per distinct key instead of a new one per event: the keys were about a
/// third of a reading's size in memory, and a third of the strings every replay allocated. Writing is the framework's own.
/// </summary>
/// <remarks>
/// At most <see cref="MaxSharedKeys"/> distinct keys are kept for the life of the process; keys beyond that,
/// escaped ones and very long ones are read as ordinary strings, so unusual data costs what it did before.
/// </remarks>
internal sealed class SharedKeyDictionaryConverter<TValue> : JsonConverter<IReadOnlyDictionary<string, TValue>>
{
    public const int MaxSharedKeys = 4096;
    private const int MaxSharedKeyBytes = 64;

    private static readonly ConcurrentDictionary<string, string> Keys = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KeysBySpan =
        Keys.GetAlternateLookup<ReadOnlySpan<char>>();

    public override IReadOnlyDictionary<string, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object for {typeToConvert.Name}, got {reader.TokenType}.");
        }

        var values = (JsonConverter<TValue>)options.GetConverter(typeof(TValue));
        var result = new Dictionary<string, TValue>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = KeyOf(ref reader);
            reader.Read();
            result[key] = values.Read(ref reader, typeof(TValue), options)!;
        }

        return result;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, TValue> value, JsonSerializerOptions options)
    {
        var values = (JsonConverter<TValue>)options.GetConverter(typeof(TValue));
        writer.WriteStartObject();
        foreach (var (key, item) in value)
        {
            writer.WritePropertyName(key);
            values.Write(writer, item, options);
        }

        writer.WriteEndObject();
    }

    private static string KeyOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxSharedKeyBytes)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[MaxSharedKeyBytes];
        var length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        if (KeysBySpan.TryGetValue(chars[..length], out var shared))
        {
            return shared;
        }

        var key = new string(chars[..length]);
        return Keys.Count < MaxSharedKeys ? Keys.GetOrAdd(key, key) : key;
    }
}
