using System.Text.Json;

namespace Energy.Application.Regions;

/// <summary>A provincial-level division and its cities (seed 9.2).</summary>
/// <param name="HasPrefectures">
/// False for the municipalities, the SARs and 台湾省, which have no prefecture-level cities in GB/T 2260:
/// they list themselves as their one city, so a province → city picker always has a city to offer.
/// </param>
public sealed record Province(string Name, IReadOnlyList<string> Cities, bool HasPrefectures);

/// <summary>
/// Seed 9.2 from data the service ships (<c>provinces.json</c>): the 34 provincial-level divisions (23 provinces
/// counting 台湾省, 5 autonomous regions, 4 municipalities, 2 SARs) and the 333 prefecture-level divisions of the
/// mainland (293 cities, 7 地区, 30 autonomous prefectures, 3 盟) as of 2024. County-level cities administered
/// directly by a province (济源, 仙桃, 石河子 …) are not prefecture-level and are left out.
/// </summary>
public sealed class RegionQueries
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<IReadOnlyList<Province>> Data = new(Load);

    public IReadOnlyList<Province> Provinces() => Data.Value;

    private static List<Province> Load()
    {
        using var stream = typeof(RegionQueries).Assembly.GetManifestResourceStream("Energy.Application.Regions.provinces.json")
            ?? throw new InvalidOperationException("The embedded province list is missing.");
        return JsonSerializer.Deserialize<List<Province>>(stream, Json)
            ?? throw new InvalidOperationException("The embedded province list is empty.");
    }
}
