using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Energy.Application.Common;
using Energy.Http.Contract;
using Energy.Http.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Http.Tests.Contract;

/// <summary>
/// The real host (Production environment, its own test database) with a few test-only endpoints mapped behind
/// the real pipeline, so they exercise the same error edge and JSON settings as feature endpoints.
/// </summary>
public sealed class ContractHost : EnergyHost
{
    public const int BodyLimit = 4096;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Energy:Http:MaxRequestBodyBytes", BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestEndpoints>());
    }

    private sealed class TestEndpoints : IStartupFilter
    {
        // Mapped after the app's own pipeline, so UseContract's middleware wraps them.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseRouting();
            app.UseEndpoints(e =>
            {
                var test = e.MapGroup("/api_3/test");
                test.MapPost("/meters", (MeterBody body) => Envelope.Data([body]));
                test.MapPost("/created", () => Envelope.Created(42));
                test.MapGet("/missing", IResult () => throw ContractError.NotFound("meter", 7));
                test.MapGet("/boom", IResult () => throw new InvalidOperationException("secret connection string Host=db;Password=hunter2"));
                test.MapGet("/chinese", () => Envelope.Data([new { Ene_Name = "电", Unit = "kWh" }]));
                test.MapGet("/challenge", () => Results.StatusCode(StatusCodes.Status401Unauthorized));
                test.MapGet("/forbidden", () => Results.StatusCode(StatusCodes.Status403Forbidden));
                test.MapGet("/energy", (HttpContext ctx) =>
                {
                    var timeType = Query.RequiredInt(ctx, "Time_Type");
                    var start = Query.RequiredTime(ctx, "Time_Start");
                    var names = Query.List(ctx, "Meter_Name");
                    var paging = Query.Paging(ctx);
                    var clock = ctx.RequestServices.GetRequiredService<PlantTime>();
                    var rows = names.Select(n => new { Meter_Name = n, Time_Type = timeType, Time = clock.Format(start) }).ToList();
                    return Envelope.Page(paging.Slice(rows), rows.Count);
                });
            });
        };
    }
}

/// <summary>A create body in the seed's style: int, str (numeric), flag.</summary>
public sealed record MeterBody(
    [property: JsonPropertyName("Meter_Name")] string Name,
    [property: JsonPropertyName("Meter_Type")] int Type,
    [property: JsonPropertyName("Meter_TotalAmount"), JsonConverter(typeof(FlexibleDecimalConverter))] decimal TotalAmount,
    [property: JsonPropertyName("Meter_IsVirtual"), JsonConverter(typeof(FlagConverter))] bool IsVirtual);

/// <summary>Reads a response as the raw envelope, to assert on what a client really receives.</summary>
public sealed record Answer(HttpStatusCode Status, string Body, JsonElement Json)
{
    public string ErrNo => Json.GetProperty("Err_No").GetString()!;

    public string ErrMsg => Json.GetProperty("Err_Msg").GetString()!;

    public static async Task<Answer> Of(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, body, JsonDocument.Parse(body).RootElement.Clone());
    }
}

public static class ClientExtensions
{
    public static async Task<Answer> GetAnswer(this HttpClient client, string url) =>
        await Answer.Of(await client.GetAsync(new Uri(url, UriKind.Relative)));

    public static async Task<Answer> PostJson(this HttpClient client, string url, string json) =>
        await Answer.Of(await client.PostAsync(new Uri(url, UriKind.Relative),
            new StringContent(json, System.Text.Encoding.UTF8, "application/json")));

    public static Task<HttpResponseMessage> PostAsJson<T>(this HttpClient client, string url, T value) =>
        client.PostAsJsonAsync(new Uri(url, UriKind.Relative), value);
}
