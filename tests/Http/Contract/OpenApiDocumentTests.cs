using System.Reflection;
using System.Text.Json.Nodes;
using Energy.Application.Common;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;

namespace Energy.Http.Tests.Contract;

/// <summary>
/// The OpenAPI document (issue 19): a real validator passes on it, and it describes what the seed's clients need —
/// the query parameters under the seed's names, a typed success answer and the error envelope on every operation.
/// </summary>
public sealed class OpenApiDocumentTests(OpenApiDocumentFixture fixture) : IClassFixture<OpenApiDocumentFixture>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Redocly_lint_passes_on_the_served_document()
    {
        var folder = Directory.CreateTempSubdirectory("energy-openapi-");
        try
        {
            var path = Path.Combine(folder.FullName, "openapi.json");
            await File.WriteAllTextAsync(path, fixture.Text);

            var lint = await RedoclyLint.RunAsync(path);

            lint.ExitCode.ShouldBe(0, $"{RedoclyLint.Package} lint failed:\n{lint.Output}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_operation_answers_a_success_with_a_content_schema()
    {
        var missing = Operations()
            .Where(o => !Responses(o.Operation).Any(r => r.Status.StartsWith('2') && HasSchemaForEveryContent(r.Response)))
            .Select(o => o.Name)
            .ToList();

        Operations().Count().ShouldBeGreaterThanOrEqualTo(81);
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Every_envelope_success_is_an_envelope_schema()
    {
        var schemas = Schemas();
        var notEnvelopes = Operations()
            .Where(o => o.Path.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(o => Responses(o.Operation).Where(r => r.Status.StartsWith('2')).Select(r => (o.Name, r.Response)))
            .SelectMany(r => JsonSchemasOf(r.Response).Select(s => (r.Name, Schema: s)))
            .Where(r => ReferencedName(r.Schema) is not { } name
                || schemas[name]?["properties"]?["Err_No"] is null
                || schemas[name]?["properties"]?["Err_Msg"] is null)
            .Select(r => r.Name)
            .ToList();

        notEnvelopes.ShouldBeEmpty();
    }

    [Fact]
    public void Alarm_rules_declare_the_seed_query_parameters()
    {
        var parameters = Operation("/api_3/alarm_status_rules", "get")["parameters"]!.AsArray()
            .Where(p => (string?)p!["in"] == "query")
            .Select(p => (string)p!["name"]!)
            .ToList();

        parameters.ShouldBe(["Per_Page_Counts", "Page_Counts", "Alarm_id"], ignoreOrder: true);
    }

    [Fact]
    public void Required_query_parameters_are_marked_required()
    {
        var parameters = Operation("/api_3/alarm_statistic_nums", "get")["parameters"]!.AsArray();

        parameters.Where(p => (bool?)p!["required"] == true).Select(p => (string)p!["name"]!)
            .ShouldBe(["Time_Type", "Time_Start", "Time_End", "Statistic_Method", "Return_Format"], ignoreOrder: true);
    }

    [Fact]
    public void Error_responses_reference_the_error_envelope()
    {
        // The health probes' 503 is their own answer, not an envelope.
        var errors = Operations()
            .Where(o => o.Path.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(o => Responses(o.Operation).Where(r => r.Status[0] is '4' or '5').Select(r => (o.Name, r.Status, r.Response)))
            .ToList();
        var wrong = errors
            .Where(e => JsonSchemasOf(e.Response).Select(ReferencedName).ToList() is not [ErrorResponseTransformer.SchemaId])
            .Select(e => $"{e.Name} {e.Status}")
            .ToList();

        errors.ShouldNotBeEmpty();
        wrong.ShouldBeEmpty();
        Schemas()[ErrorResponseTransformer.SchemaId]!["properties"]!.AsObject().Select(p => p.Key)
            .ShouldBe(["Err_No", "Err_Msg"]);
    }

    [Fact]
    public void Every_operation_has_an_error_response()
    {
        Operations().Where(o => !Responses(o.Operation).Any(r => r.Status[0] == '4')).Select(o => o.Name).ShouldBeEmpty();
    }

    [Fact]
    public void Files_are_described_with_their_own_content_types()
    {
        var report = Operation("/api_3/report", "get")["responses"]!["200"]!["content"]!.AsObject();
        var image = Operation("/api_3/machine_images/{file}", "get")["responses"]!["200"]!["content"]!.AsObject();

        report.Select(c => c.Key).ShouldBe(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
        image.Select(c => c.Key).ShouldBe(["image/png", "image/jpeg", "image/webp"], ignoreOrder: true);
    }

    [Fact]
    public void Hand_read_bodies_are_declared()
    {
        Operation("/api_3/metersuperior_image", "post")["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!["properties"]!
            .AsObject().Select(p => p.Key).ShouldBe(["Meter_Superior_id", "Machine_Image"], ignoreOrder: true);
        Operation("/api/bbi/push", "post")["requestBody"]!["content"]!["application/json"].ShouldNotBeNull();
        Operation("/api_3/meters", "delete")["requestBody"]!["required"]?.GetValue<bool>().ShouldNotBe(true);
    }

    [Fact]
    public void Operations_that_need_a_login_say_so_and_the_login_itself_does_not()
    {
        Operation("/api_3/meters", "get")["security"]!.AsArray().ShouldNotBeEmpty();
        Operation("/api/auth", "post")["security"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public void Values_our_converters_write_are_typed()
    {
        var untyped = Schemas()
            .SelectMany(s => (s.Value?["properties"]?.AsObject() ?? []).Select(p => (Name: $"{s.Key}.{p.Key}", Schema: p.Value)))
            .Where(p => p.Schema is JsonObject { Count: 0 })
            .Select(p => p.Name)
            .ToList();

        untyped.ShouldBeEmpty();
    }

    [Fact]
    public void Every_err_no_status_is_described()
    {
        var codes = typeof(ErrNo).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!)
            .Where(code => code != ErrNo.Ok);

        codes.Select(ErrNoStatus.Of).Where(status => !ErrorStatuses.Descriptions.ContainsKey(status)).ShouldBeEmpty();
    }

    private JsonObject Schemas() => fixture.Document["components"]!["schemas"]!.AsObject();

    private JsonObject Operation(string path, string method) =>
        fixture.Document["paths"]?[path]?[method]?.AsObject() ?? throw new ShouldAssertException($"the document has no {method} {path}");

    private IEnumerable<(string Path, string Name, JsonObject Operation)> Operations() =>
        fixture.Document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject()
                .Where(m => Methods.Contains(m.Key))
                .Select(m => (p.Key, $"{m.Key.ToUpperInvariant()} {p.Key}", m.Value!.AsObject())));

    private static IEnumerable<(string Status, JsonObject Response)> Responses(JsonObject operation) =>
        (operation["responses"]?.AsObject() ?? []).Select(r => (r.Key, r.Value!.AsObject()));

    private static bool HasSchemaForEveryContent(JsonObject response) =>
        response["content"] is JsonObject { Count: > 0 } content && content.All(c => c.Value?["schema"] is JsonObject);

    private static IEnumerable<JsonObject> JsonSchemasOf(JsonObject response) =>
        (response["content"]?.AsObject() ?? [])
            .Where(c => c.Key.StartsWith("application/json", StringComparison.Ordinal))
            .Select(c => c.Value?["schema"] as JsonObject ?? []);

    private static string? ReferencedName(JsonObject schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal)
            ? reference["#/components/schemas/".Length..]
            : null;
}
