namespace Energy.Http.Contract.OpenApi;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>) with what the endpoints declare beyond their signatures.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddEnergyOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer<ContractConverterSchemaTransformer>();
            options.AddDocumentTransformer<DocumentInfoTransformer>();
            options.AddDocumentTransformer<FeatureTagTransformer>();
            options.AddOperationTransformer<OperationIdTransformer>();
            options.AddOperationTransformer<SeedQueryTransformer>();
            options.AddOperationTransformer<SeedResponseTransformer>();
            // Before the errors: a body adds 413.
            options.AddOperationTransformer<SeedRequestBodyTransformer>();
            options.AddOperationTransformer<ErrorResponseTransformer>();
            options.AddOperationTransformer<SessionSecurityTransformer>();
        });
}
