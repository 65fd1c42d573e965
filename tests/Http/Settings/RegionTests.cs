using Energy.Application.Regions;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Settings;

public sealed class RegionTests
{
    [Fact]
    public async Task The_province_list_has_34_provincial_divisions_with_changzhou_under_jiangsu()
    {
        using var host = new EnergyHost();
        var admin = await host.AdminClientAsync();

        var data = (await admin.GetAnswer("/api_3/province_city_list")).Json.GetProperty("Data").EnumerateArray().ToList();

        data.Count.ShouldBe(34);
        var jiangsu = data.Single(p => p.GetProperty("Province_Name").GetString() == "江苏省");
        jiangsu.GetProperty("City_List").EnumerateArray().Select(c => c.GetProperty("City_Name").GetString()).ShouldContain("常州市");
        data.Sum(p => p.GetProperty("City_List").GetArrayLength()).ShouldBeGreaterThanOrEqualTo(330);
        data.Select(p => p.GetProperty("Province_Name").GetString()).ShouldContain("台湾省");
        data.Select(p => p.GetProperty("Province_Name").GetString()).ShouldContain("香港特别行政区");
    }

    [Fact]
    public void The_mainland_has_333_prefecture_level_divisions_each_named_once()
    {
        var provinces = new RegionQueries().Provinces();
        var prefectures = provinces.Where(p => p.HasPrefectures).SelectMany(p => p.Cities).ToList();

        prefectures.Count.ShouldBe(333);
        prefectures.Distinct().Count().ShouldBe(333);
        provinces.Where(p => !p.HasPrefectures).Select(p => p.Name).ShouldBe(
            ["北京市", "天津市", "上海市", "重庆市", "台湾省", "香港特别行政区", "澳门特别行政区"], ignoreOrder: true);
        provinces.Single(p => p.Name == "广东省").Cities.Count.ShouldBe(21);
    }
}
