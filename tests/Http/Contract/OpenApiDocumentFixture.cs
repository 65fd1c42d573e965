using System.Text.Json.Nodes;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Contract;

/// <summary>The OpenAPI document as the in-process host serves it at <c>/openapi/v1.json</c>, fetched once per test class.</summary>
public sealed class OpenApiDocumentFixture : IAsyncLifetime
{
    public const string Url = "/openapi/v1.json";

    public string Text { get; private set; } = "";

    public JsonObject Document { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await using var host = new EnergyHost();
        using var client = host.CreateClient();
        // As the service's default address serves it (the test server's own is localhost, which lint rules flag).
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Url, UriKind.Relative));
        request.Headers.Host = "127.0.0.1:5080";
        using var response = await client.SendAsync(request);
        Text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, Text);
        Document = JsonNode.Parse(Text)!.AsObject();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
