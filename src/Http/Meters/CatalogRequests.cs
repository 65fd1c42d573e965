using System.Globalization;
using System.Text.Json;
using Energy.Application.Common;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;

namespace Energy.Http.Meters;

/// <summary>Request pieces the machine and meter endpoints share.</summary>
internal static class CatalogRequests
{
    extension<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        /// <summary>What <see cref="DeleteIdAsync"/> reads: <c>id</c> in the query string, else in a JSON body.</summary>
        public TBuilder SeedDeleteId() => builder
            .SeedQuery("id", SeedType.Id, description: "主键id of the record to delete; required unless the JSON body carries it")
            .ReadsBody(typeof(DeleteIdBody), "application/json", "{\"id\": <id>}, when the query string has no id", required: false);
    }

    /// <summary>
    /// The <c>id</c> of a DELETE (2.4, 2.8): from the query string or a JSON body (CONTRACT §1 Transport);
    /// 4103 naming <c>id</c> when neither has a positive integer.
    /// </summary>
    public static async Task<long> DeleteIdAsync(HttpContext context, CancellationToken ct)
    {
        if (Query.OptionalString(context, "id") is not null)
        {
            return Query.RequiredId(context);
        }

        if (context.Request.ContentLength is 0 or null && context.Request.Headers.TransferEncoding.Count == 0)
        {
            throw ContractError.BadParameter("id", "is required (in the query string or a JSON body)");
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: ct);
        if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("id", out var id))
        {
            throw ContractError.BadParameter("id", "is required (in the query string or a JSON body)");
        }

        var text = id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw ContractError.BadParameter("id", $"must be a positive integer id, got {id.GetRawText()}");
    }

    /// <summary>An id in the route (audit URLs).</summary>
    public static long RouteId(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw ContractError.BadParameter("id", $"must be a positive integer id, got \"{text}\"");
}
