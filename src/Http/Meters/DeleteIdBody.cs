using System.Text.Json.Serialization;

namespace Energy.Http.Meters;

/// <summary>
/// The JSON body a DELETE may carry instead of <c>?id=</c> (CONTRACT §1 Transport), for the document:
/// <see cref="CatalogRequests.DeleteIdAsync"/> reads it by hand.
/// </summary>
public sealed record DeleteIdBody([property: JsonPropertyName("id")] long Id);
