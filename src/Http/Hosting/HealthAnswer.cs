using System.Text.Json.Serialization;

namespace Energy.Http.Hosting;

/// <summary>A probe's answer: <c>{"status":"live"}</c>, <c>{"status":"ready"}</c>, or <c>"not ready"</c> with the reasons.</summary>
public sealed record HealthAnswer(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("detail"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail = null);
