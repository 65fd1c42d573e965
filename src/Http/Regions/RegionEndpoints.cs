using System.Text.Json.Serialization;
using Energy.Application.Regions;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;

namespace Energy.Http.Regions;

/// <summary>Seed 9.2 <c>GET /api_3/province_city_list</c>.</summary>
public static class RegionEndpoints
{
    private static readonly ApiFeature Feature = new("Regions", "Seed 9.2: the provinces and their cities.");

    public static IEndpointRouteBuilder MapRegionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api_3/province_city_list", (RegionQueries queries) =>
            Envelope.Data(queries.Provinces().Select(p =>
                new ProvinceRow(p.Name, p.Cities.Select(c => new CityRow(c)).ToList()))))
            .RequireAuthorization().InFeature(Feature)
            .WithSummary("9.2 获取省市关系").AnswersData<ProvinceRow>();
        return app;
    }
}

/// <summary><c>{"Province_Name":"江苏省","City_List":[{"City_Name":"常州市"}, …]}</c>, as the seed shows.</summary>
public sealed record ProvinceRow(
    [property: JsonPropertyName("Province_Name")] string ProvinceName,
    [property: JsonPropertyName("City_List")] IReadOnlyList<CityRow> CityList);

public sealed record CityRow([property: JsonPropertyName("City_Name")] string CityName);
