using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Energy.Http.Contract.OpenApi;

/// <summary>
/// Gives every operation the error responses its kind may answer, each an <see cref="ErrorEnvelope"/> (one shared
/// component): 400 and 500 for all, since the contract edge wraps every request; for envelope endpoints also 404 and
/// 422, 401 and 403 where a login is required, 409 on POST and PUT (unique names); 413 where there is a body; and
/// what the endpoint declares with <c>AnswersErrors</c>.
/// </summary>
public sealed class ErrorResponseTransformer : IOpenApiOperationTransformer
{
    public const string SchemaId = nameof(ErrorEnvelope);
    private const string Json = "application/json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var envelope = await DocumentComponents.SchemaAsync(context, typeof(ErrorEnvelope), SchemaId, cancellationToken);
        operation.Responses ??= [];
        foreach (var status in StatusesOf(operation, context.Description.HttpMethod, metadata))
        {
            operation.Responses.TryAdd(status.ToString(CultureInfo.InvariantCulture), new OpenApiResponse
            {
                Description = ErrorStatuses.Descriptions[status],
                Content = new Dictionary<string, OpenApiMediaType> { [Json] = new() { Schema = envelope } },
            });
        }
    }

    private static SortedSet<int> StatusesOf(OpenApiOperation operation, string? method, IList<object> metadata)
    {
        // ContractErrorMiddleware refuses a malformed request (a NUL in the query) and reports a failure for every endpoint.
        var statuses = new SortedSet<int> { StatusCodes.Status400BadRequest, StatusCodes.Status500InternalServerError };
        if (metadata.OfType<OutsideEnvelope>().Any())
        {
            return statuses;
        }

        statuses.Add(StatusCodes.Status404NotFound);
        statuses.Add(StatusCodes.Status422UnprocessableEntity);
        if (EndpointLogins.Of(metadata) is EndpointLogin.User or EndpointLogin.Admin)
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
            statuses.Add(StatusCodes.Status403Forbidden);
        }

        if (HttpMethods.IsPost(method ?? "") || HttpMethods.IsPut(method ?? ""))
        {
            statuses.Add(StatusCodes.Status409Conflict);
        }

        if (operation.RequestBody is not null)
        {
            statuses.Add(StatusCodes.Status413PayloadTooLarge);
        }

        statuses.UnionWith(metadata.OfType<SeedErrorStatuses>().SelectMany(e => e.Statuses));
        return statuses;
    }
}
