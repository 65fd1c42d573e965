using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Energy.Http.Contract.OpenApi;

/// <summary>Lists every <see cref="ApiFeature"/> as a document tag with its description.</summary>
public sealed class FeatureTagTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var features = context.DescriptionGroups
            .SelectMany(g => g.Items)
            .SelectMany(d => d.ActionDescriptor.EndpointMetadata.OfType<ApiFeature>())
            .DistinctBy(f => f.Name);
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var feature in features)
        {
            var tag = document.Tags.FirstOrDefault(t => t.Name == feature.Name);
            if (tag is null)
            {
                document.Tags.Add(new OpenApiTag { Name = feature.Name, Description = feature.Description });
            }
            else
            {
                tag.Description = feature.Description;
            }
        }

        return Task.CompletedTask;
    }
}
