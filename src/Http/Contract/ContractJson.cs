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
        // The seed's str fields may arrive as numbers ("Total_Amount": 12.5): every string accepts both.
        options.Converters.Add(new FlexibleStringConverter());
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
