using Energy.Http.Hosting;
using Energy.Http.Tests.Contract;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Http.Tests.Hosting;

public sealed class HealthTests(ContractHost host) : IClassFixture<ContractHost>
{
    [Fact]
    public async Task Live_is_always_200()
    {
        var response = await host.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"status":"live"}""");
    }

    [Fact]
    public async Task Ready_when_the_database_answers_and_the_schema_is_in_place()
    {
        var response = await host.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_is_503_with_the_detail_when_a_check_is_not_ready()
    {
        using var notReady = host.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<IReadinessCheck>(new FixedCheck(true, "fine"));
            s.AddSingleton<IReadinessCheck>(new FixedCheck(false, "database unreachable"));
        }));

        var response = await notReady.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldContain("database unreachable");
    }

    [Fact]
    public async Task The_openapi_document_is_served()
    {
        var response = await host.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("openapi").GetString().ShouldStartWith("3.");
    }

    private sealed class FixedCheck(bool ready, string detail) : IReadinessCheck
    {
        public Task<(bool Ready, string Detail)> CheckAsync(CancellationToken cancellationToken) =>
            Task.FromResult((ready, detail));
    }
}
