using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Energy.Http.Contract;

/// <summary>How the contract's JSON is read and written (CONTRACT §1 Transport, Types).</summary>
public static class ContractJson
{
    /// <summary>Applies the contract's settings to the HTTP JSON options (bodies and results).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        // Seed names are verbatim: [JsonPropertyName] wins, unnamed properties keep their C# name.
        options.PropertyNamingPolicy = null;
        options.DictionaryKeyPolicy = null;
        // Chinese names and messages are written as themselves, not as \uXXXX. The responses are JSON
        // documents, never embedded in HTML, so the relaxed escaper is safe here.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        // Old clients send numbers as strings ("3") now and then; reading them is harmless. Writing
        // stays strict: int/float fields are JSON numbers, str fields are declared as strings.
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        options.PropertyNameCaseInsensitive = true;
        // A body record's constructor parameters are required unless they have a default, and a
        // non-nullable property refuses null: both become 4103 naming the field, so endpoints need no
        // hand-written "is required" checks. Optional seed fields are declared nullable or defaulted.
        options.RespectRequiredConstructorParameters = true;
        options.RespectNullableAnnotations = true;
        // The seed's str fields may arrive as numbers ("Total_Amount": 12.5): every string accepts both.
        options.Converters.Add(new FlexibleStringConverter());
        // Numbers accept numeric strings, and refuse anything else with words ("must be an integer")
        // instead of System.Text.Json's message, which names CLR types (often the enclosing record).
        options.Converters.Add(new FlexibleIntConverter());
        options.Converters.Add(new FlexibleLongConverter());
        options.Converters.Add(new FlexibleDecimalConverter());
    }

    /// <summary>A fresh copy of the settings, for code outside the HTTP pipeline (tests, clients).</summary>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }

    /// <summary>
    /// The field a <see cref="JsonException"/> is about, from its path: <c>$.Meter_Type</c> →
    /// <c>Meter_Type</c>, <c>$.data[0].meter</c> → <c>data[0].meter</c>; null for the whole document.
    /// </summary>
    public static string? FieldOf(JsonException exception)
    {
        var path = exception.Path;
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? null : field;
    }
}
