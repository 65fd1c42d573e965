using Energy.Application.Common;

namespace Energy.Http.Contract.OpenApi;

/// <summary>
/// Declares hand-read query parameters on any endpoint builder (minimal API, group, or any other
/// <see cref="IEndpointConventionBuilder"/>): plain metadata, nothing route-handler specific.
/// </summary>
public static class SeedQueryConventions
{
    extension<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        /// <summary>One query parameter, named exactly as the endpoint reads it.</summary>
        public TBuilder SeedQuery(string name, SeedType type, bool required = false, string? description = null) =>
            builder.WithMetadata(new SeedQueryParameter(name, type, required, description));

        /// <summary><c>Per_Page_Counts</c> and <c>Page_Counts</c>, as <see cref="Query.Paging"/> reads them (CONTRACT §1 Paging).</summary>
        public TBuilder SeedPaging() => builder
            .SeedQuery(Paging.PerPageField, SeedType.Int,
                description: $"分页每页显示数: rows per page, default {Paging.DefaultPerPage}, at most {Paging.MaxPerPage}")
            .SeedQuery(Paging.PageField, SeedType.Int,
                description: "页码: the page, from 1; 0 is the first page too. A page past the end has no rows and the true Total_Numbers");
    }
}
