using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Energy.Http.Contract.OpenApi;

/// <summary>The document's title and introduction, and its server URL without the trailing slash the generator adds.</summary>
public sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Energy.EventSourced",
            Version = "1",
            Description = """
                The energy-management API the seed documents define (CONTRACT.md resolves them). Every api and api_3
                answer is the seed envelope: "Err_No" ("0" on success, else a code of appendix IV), "Err_Msg", and on
                success "Data" (always an array) with "Total_Numbers" on list queries. The HTTP status mirrors the
                code's class. GET parameters travel in the query string under the seed's names, POST and PUT bodies
                are JSON, DELETE takes "id" from the query string or a JSON body. Times are plant wall clock
                "YYYY-MM-DD HH:mm:ss". Entries marked (ext) go beyond the seeds.
                """,
        };

        foreach (var server in document.Servers ?? [])
        {
            if (server.Url is { Length: > 1 } url && url.EndsWith('/'))
            {
                server.Url = url.TrimEnd('/');
            }
        }

        return Task.CompletedTask;
    }
}
