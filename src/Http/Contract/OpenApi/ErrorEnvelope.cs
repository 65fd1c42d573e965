using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Energy.Http.Contract.OpenApi;

/// <summary>
/// The shape of every error (<see cref="Envelope.Error(string, string)"/>: an <see cref="EnvelopeBody{T}"/> without
/// <c>Data</c>), named for the document: the service never writes this type itself.
/// </summary>
[Description("A refusal or failure (CONTRACT §1 Errors): the seed's code and what is wrong, in words a person can act on.")]
public sealed record ErrorEnvelope(
    [property: JsonPropertyName("Err_No"), Description("The seed's status code (appendix IV), a string: \"4103\", \"4101\", …")] string ErrNo,
    [property: JsonPropertyName("Err_Msg"), Description("The code's seed text and what is wrong: \"参数错误: Time_Start is required\"")] string ErrMsg);
