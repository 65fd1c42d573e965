using System.Text.Json.Serialization;

namespace Energy.Http.Contract;

/// <summary>The envelope as written; absent parts are left out rather than written as null.</summary>
public sealed record EnvelopeBody<T>(
    [property: JsonPropertyName("Err_No")] string ErrNo,
    [property: JsonPropertyName("Err_Msg")] string ErrMsg,
    [property: JsonPropertyName("Data"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<T>? Data = null,
    [property: JsonPropertyName("Total_Numbers"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? TotalNumbers = null);

/// <summary>The row a create returns: <c>{"id":&lt;int&gt;}</c>.</summary>
public sealed record CreatedId([property: JsonPropertyName("id")] long Id);
