using System.Reflection;
using System.Text.Json.Nodes;
using Energy.Domain;
using Energy.Domain.Platform;
using Energy.Application.EventStore;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Platform.Support;
using Energy.Http.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Http.Tests.Platform;

/// <summary>Seed 5.1–5.5 and 5.8 (CONTRACT §7).</summary>
public sealed class PlatformOrganisationTests
{
    private static async Task<IReadOnlyList<object>> PlatformEventsAsync(PlatformHost host) =>
        (await host.Services.GetRequiredService<IEventStore>().ReadStreamAsync(PlatformState.StreamId)).Select(e => e.Data).ToList();

    [Fact]
    public async Task Organisation_info_is_stored_as_an_event_and_5_3_answers_it_with_omitted_codes_as_00()
    {
        await using var platform = await FakePlatform.StartAsync();
        using var host = new PlatformHost(platform.BaseUrl, TimeProvider.System);
        var admin = await host.AdminClientAsync();
        var meter = await admin.CreateMeterAsync("总电表", await admin.CreateMachineAsync("全厂"));

        var put = await Answer.Of(await admin.PutAsync(Organisation.Body(meter)));

        put.ErrNo.ShouldBe("0", put.Body);
        var got = await admin.GetAnswer("/api_3/PRP_organization_infos");
        var data = got.Json.GetProperty("Data")[0];
        var item = data.GetProperty("collectItemConfig")[0];
        item.GetProperty("Meter_id").GetInt64().ShouldBe(meter);
        item.GetProperty("equipmentCode").GetString().ShouldBe("00");
        item.GetProperty("statType").GetString().ShouldBe("1");
        data.GetProperty("enterprise").GetProperty("name").GetString().ShouldBe("示例钢铁有限责任公司");
        data.GetProperty("group").GetProperty("name").GetString().ShouldBe("河北示例钢铁股份有限公司");
        var stored = (await PlatformEventsAsync(host)).OfType<OrganisationInfoSet>().ShouldHaveSingleItem();
        stored.Items.ShouldHaveSingleItem().DataCode.ShouldBe(Organisation.DataCode());
    }

    [Fact]
    public async Task A_collect_item_on_a_meter_that_does_not_exist_is_4004_naming_it_and_appends_nothing()
    {
        await using var platform = await FakePlatform.StartAsync();
        using var host = new PlatformHost(platform.BaseUrl, TimeProvider.System);
        var admin = await host.AdminClientAsync();

        var put = await Answer.Of(await admin.PutAsync(Organisation.Body(987654)));

        put.ErrNo.ShouldBe("4004", put.Body);
        put.ErrMsg.ShouldContain("collectItemConfig[0].Meter_id");
        (await PlatformEventsAsync(host)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_field_the_seed_marks_required_is_refused_with_4103_naming_it_when_missing()
    {
        await using var platform = await FakePlatform.StartAsync();
        using var host = new PlatformHost(platform.BaseUrl, TimeProvider.System);
        var admin = await host.AdminClientAsync();
        var meter = await admin.CreateMeterAsync("总电表", await admin.CreateMachineAsync("全厂"));
        var required = new (string Path, string Field)[]
        {
            ("", "collectItemConfig"), ("", "enterprise"), ("", "group"),
            ("collectItemConfig", "Energy_Code"), ("collectItemConfig", "dataUsageCode"), ("collectItemConfig", "inputType"),
            ("collectItemConfig", "statType"), ("collectItemConfig", "scope"), ("collectItemConfig", "Meter_id"),
            ("enterprise", "name"), ("enterprise", "typeCode"), ("enterprise", "industryCode"), ("enterprise", "regionCode"),
            ("enterprise", "center"), ("enterprise", "jgzh"), ("enterprise", "energyConsumeLevel"), ("enterprise", "latitude"),
            ("enterprise", "longitude"), ("enterprise", "phone"),
        };

        foreach (var (path, field) in required)
        {
            var body = Organisation.Body(meter);
            var owner = path switch
            {
                "" => body,
                "collectItemConfig" => body["collectItemConfig"]![0]!.AsObject(),
                _ => body[path]!.AsObject(),
            };
            owner.Remove(field);

            var put = await Answer.Of(await admin.PutAsync(body));

            put.ErrNo.ShouldBe("4103", $"{path}.{field}: {put.Body}");
            put.ErrMsg.ShouldContain(field);
        }

        (await PlatformEventsAsync(host)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Before_any_version_update_5_1_answers_the_shipped_dictionaries()
    {
        await using var platform = await FakePlatform.StartAsync();
        using var host = new PlatformHost(platform.BaseUrl, TimeProvider.System);
        var admin = await host.AdminClientAsync();

        var data = (await admin.GetAnswer("/api_3/PRP_base_infos")).Json.GetProperty("Data")[0];

        data.GetProperty("collectSystemType").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ShouldBe(["1", "2", "3", "4", "5"]);
        data.GetProperty("collectItemUsage").EnumerateArray().ShouldContain(e => e.GetProperty("code").GetString() == "11");
        var electricity = data.GetProperty("collectItem").EnumerateArray().First(e => e.GetProperty("code").GetString() == "013300");
        electricity.GetProperty("unit").GetString().ShouldBe("千瓦时");
        electricity.GetProperty("zbckz").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_version_update_registers_refreshes_the_dictionaries_and_later_organisation_info_is_sent_to_the_platform()
    {
        await using var platform = await FakePlatform.StartAsync();
        using var host = new PlatformHost(platform.BaseUrl, TimeProvider.System);
        var admin = await host.AdminClientAsync();
        var meter = await admin.CreateMeterAsync("总电表", await admin.CreateMachineAsync("全厂"));

        var update = await admin.PostJson("/api_3/PRP_version", """{"enterpriseCode":"91410481MA0000000X","region":"410481"}""");

        update.ErrNo.ShouldBe("0", update.Body);
        var version = (await admin.GetAnswer("/api_3/PRP_version")).Json.GetProperty("Data")[0];
        version.GetProperty("deviceID").GetString().ShouldBe(FakePlatform.DeviceId);
        version.GetProperty("enterpriseCode").GetString().ShouldBe("91410481MA0000000X");
        version.GetProperty("region").GetString().ShouldBe("410481");
        version.GetProperty("dicVersion").GetString().ShouldBe("7");
        version.GetProperty("requireUpdate").GetInt32().ShouldBe(1, "the fake platform reports dictionary version 8");
        var baseInfos = (await admin.GetAnswer("/api_3/PRP_base_infos")).Json.GetProperty("Data")[0];
        baseInfos.GetProperty("collectItem").GetArrayLength().ShouldBe(1, "the platform's dictionaries replace the shipped ones");
        var op2 = (await admin.GetAnswer("/api_3/PRP_operation_result?Operation_Type=2")).Json.GetProperty("Data")[0];
        op2.GetProperty("Result").GetInt32().ShouldBe(1);
        op2.GetProperty("Response_Data").GetString()!.ShouldNotContain(FakePlatform.SecretKey);

        (await Answer.Of(await admin.PutAsync(Organisation.Body(meter)))).ErrNo.ShouldBe("0");

        var sent = platform.Configurations.ShouldHaveSingleItem();
        sent["deviceId"]!.ToString().ShouldBe(FakePlatform.DeviceId);
        sent["collectItemConfig"]![0]!["Meter_id"]!.GetValue<long>().ShouldBe(meter);
        var op1 = (await admin.GetAnswer("/api_3/PRP_operation_result?Operation_Type=1")).Json.GetProperty("Data")[0];
        op1.GetProperty("Result").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task The_secret_key_is_kept_only_in_a_property_marked_secret()
    {
        typeof(PlatformRegistered).GetProperty(nameof(PlatformRegistered.SecretKey))!.GetCustomAttribute<SecretAttribute>().ShouldNotBeNull();
        await using var platform = await FakePlatform.StartAsync();
        using var host = new PlatformHost(platform.BaseUrl, TimeProvider.System);
        var admin = await host.AdminClientAsync();

        (await admin.PostJson("/api_3/PRP_version", """{"enterpriseCode":"91410481MA0000000X","region":"410481"}""")).ErrNo.ShouldBe("0");

        var events = await PlatformEventsAsync(host);
        events.OfType<PlatformRegistered>().ShouldHaveSingleItem().SecretKey.ShouldBe(FakePlatform.SecretKey);
        events.OfType<PlatformOperationRecorded>().ShouldAllBe(e => !e.ResponseData.Contains(FakePlatform.SecretKey));
    }

    [Fact]
    public async Task A_region_that_is_not_six_digits_is_4103()
    {
        await using var platform = await FakePlatform.StartAsync();
        using var host = new PlatformHost(platform.BaseUrl, TimeProvider.System);
        var admin = await host.AdminClientAsync();

        var update = await admin.PostJson("/api_3/PRP_version", """{"enterpriseCode":"91410481MA0000000X","region":"41"}""");

        update.ErrNo.ShouldBe("4103");
        update.ErrMsg.ShouldContain("region");
    }
}
