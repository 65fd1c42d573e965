using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Energy.Http.Contract.OpenApi;

/// <summary>Writes each endpoint's declared <see cref="SeedQueryParameter"/>s as query parameters of its operation.</summary>
public sealed class SeedQueryTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var declared in context.Description.ActionDescriptor.EndpointMetadata.OfType<SeedQueryParameter>())
        {
            operation.Parameters ??= [];
            if (operation.Parameters.Any(p => p.In == ParameterLocation.Query && p.Name == declared.Name))
            {
                continue;
            }

            var list = SeedTypeSchemas.IsList(declared.Type);
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = declared.Name,
                In = ParameterLocation.Query,
                Required = declared.Required,
                Description = declared.Description,
                Schema = SeedTypeSchemas.For(declared.Type),
                Style = list ? ParameterStyle.Form : null,
                Explode = !list,
            });
        }

        return Task.CompletedTask;
    }
}
