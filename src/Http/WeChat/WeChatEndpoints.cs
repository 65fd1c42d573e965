using System.Text.Json.Serialization;
using Energy.Application.Common;
using Energy.Application.WeChat;
using Energy.Http.Auth;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;

namespace Energy.Http.WeChat;

/// <summary>9.1's body, verbatim names.</summary>
public sealed record WeChatBindRequest(
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("encryptedData")] string? EncryptedData,
    [property: JsonPropertyName("iv")] string? Iv);

/// <summary>Seed 9.1: binds the mini program's WeChat identity to the logged-in user.</summary>
public static class WeChatEndpoints
{
    private static readonly ApiFeature Feature = new("WeChat", "Seed 9.1: binding the mini program's WeChat identity to the logged-in user.");

    public static IEndpointRouteBuilder MapWeChatEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api_3").RequireAuthorization().InFeature(Feature).MapPost("/xcx_info_bind", BindAsync)
            .WithSummary("9.1 小程序用户信息绑定").AnswersOk();
        return app;
    }

    private static async Task<IResult> BindAsync(WeChatBindRequest request, WeChatBindingHandler handler, HttpContext context, CancellationToken ct)
    {
        var code = Required(request.Code, "code", "the code wx.login gave");
        var data = Required(request.EncryptedData, "encryptedData", "wx.getUserInfo's encryptedData");
        var iv = Required(request.Iv, "iv", "wx.getUserInfo's iv");
        await handler.BindIdentityAsync(code, data, iv, context.Actor(), ct);
        return Envelope.Ok();
    }

    private static string Required(string? value, string field, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw ContractError.BadParameter(field, $"is required ({what})") : value.Trim();
}
