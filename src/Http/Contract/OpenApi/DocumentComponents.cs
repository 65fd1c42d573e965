using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Energy.Http.Contract.OpenApi;

/// <summary>
/// Shared components the transformers refer to, registered in the document on first use so every reference
/// resolves (Microsoft.OpenApi leaves out references whose target the document does not hold).
/// </summary>
public static class DocumentComponents
{
    /// <summary>A reference to the schema of <paramref name="type"/> under <paramref name="id"/>.</summary>
    public static async Task<OpenApiSchemaReference> SchemaAsync(
        OpenApiOperationTransformerContext context, Type type, string id, CancellationToken ct)
    {
        var document = DocumentOf(context);
        if (document.Components?.Schemas?.ContainsKey(id) != true)
        {
            document.AddComponent(id, await context.GetOrCreateSchemaAsync(type, cancellationToken: ct));
        }

        return new OpenApiSchemaReference(id, document);
    }

    /// <summary>A reference to the security scheme <paramref name="id"/>, made by <paramref name="create"/> on first use.</summary>
    public static OpenApiSecuritySchemeReference SecurityScheme(
        OpenApiOperationTransformerContext context, string id, Func<OpenApiSecurityScheme> create)
    {
        var document = DocumentOf(context);
        if (document.Components?.SecuritySchemes?.ContainsKey(id) != true)
        {
            document.AddComponent<IOpenApiSecurityScheme>(id, create());
        }

        return new OpenApiSecuritySchemeReference(id, document);
    }

    private static OpenApiDocument DocumentOf(OpenApiOperationTransformerContext context) =>
        context.Document ?? throw new InvalidOperationException("operation transformers run with the document being built");
}
