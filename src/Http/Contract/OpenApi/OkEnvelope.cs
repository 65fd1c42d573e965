using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Energy.Http.Contract.OpenApi;

/// <summary>
/// The shape of <see cref="Envelope.Ok"/> (an <see cref="EnvelopeBody{T}"/> without <c>Data</c>), named for the
/// document: the service never writes this type itself.
/// </summary>
[Description("A success without data: {\"Err_No\":\"0\",\"Err_Msg\":\"ok\"} (CONTRACT §1 Envelope).")]
public sealed record OkEnvelope(
    [property: JsonPropertyName("Err_No"), Description("\"0\"")] string ErrNo,
    [property: JsonPropertyName("Err_Msg"), Description("\"ok\"")] string ErrMsg);
