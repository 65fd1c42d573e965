using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Energy.Http.Contract.OpenApi;

/// <summary>Writes an endpoint's declared <see cref="SeedRequestBody"/> as its operation's request body.</summary>
public sealed class SeedRequestBodyTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.Description.ActionDescriptor.EndpointMetadata.OfType<SeedRequestBody>().LastOrDefault();
        if (declared is null || operation.RequestBody is not null)
        {
            return;
        }

        var schema = await context.GetOrCreateSchemaAsync(declared.Type, cancellationToken: cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = declared.Required,
            Description = declared.Description,
            Content = new Dictionary<string, OpenApiMediaType> { [declared.ContentType] = new() { Schema = schema } },
        };
    }
}
