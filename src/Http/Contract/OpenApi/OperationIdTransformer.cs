using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Energy.Http.Contract.OpenApi;

/// <summary>
/// Gives each operation a stable, URL-safe id from its method and route (<c>get_api_3_alarm_status_rules</c>), so
/// generated clients and links have names; an id set on the endpoint itself is kept.
/// </summary>
public sealed partial class OperationIdTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.OperationId ??= For(context.Description.HttpMethod ?? "any", context.Description.RelativePath ?? "");
        return Task.CompletedTask;
    }

    public static string For(string method, string route) =>
        method.ToLowerInvariant() + "_" + NotWordCharacters().Replace(route, "_").Trim('_');

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotWordCharacters();
}
