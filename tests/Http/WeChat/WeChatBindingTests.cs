using System.Security.Cryptography;
using System.Text.Json;
using Energy.Domain.Users;
using Energy.Application.EventStore;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Http.Tests.WeChat;

/// <summary>The service pointed at the fake WeChat endpoint.</summary>
public sealed class WeChatHost(Uri weChat) : EnergyHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Energy:WeChat:BaseUrl", weChat.AbsoluteUri);
        builder.UseSetting("Energy:WeChat:AppId", FakeWeChat.AppId);
        builder.UseSetting("Energy:WeChat:AppSecret", FakeWeChat.AppSecret);
    }
}

/// <summary>Seed 9.1 (CONTRACT §7): <c>/api_3/xcx_info_bind</c>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the host through IAsyncLifetime.")]
public sealed class WeChatBindingTests : IAsyncLifetime
{
    private FakeWeChat weChat = null!;
    private WeChatHost host = null!;

    public async Task InitializeAsync()
    {
        weChat = await FakeWeChat.StartAsync();
        host = new WeChatHost(weChat.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await weChat.DisposeAsync();
    }

    private static string Body(string code, string encryptedData, string iv) =>
        JsonSerializer.Serialize(new { code, encryptedData, iv });

    private async Task<IReadOnlyList<WeChatIdentityBound>> BindingsAsync() =>
        (await host.Services.GetRequiredService<IEventStore>().ReadAllAsync(0, long.MaxValue, 10_000, [nameof(WeChatIdentityBound)]))
            .Select(e => (WeChatIdentityBound)e.Data).ToList();

    [Fact]
    public async Task A_good_code_and_user_info_bind_the_WeChat_identity_to_the_logged_in_user()
    {
        var li = await host.UserClientAsync("liming");
        var (data, iv) = weChat.Encrypt(FakeWeChat.AppId);

        var answer = await li.PostJson("/api_3/xcx_info_bind", Body(FakeWeChat.GoodCode, data, iv));

        answer.ErrNo.ShouldBe("0", answer.Body);
        var bound = (await BindingsAsync()).ShouldHaveSingleItem();
        bound.OpenId.ShouldBe(FakeWeChat.OpenId);
        bound.UnionId.ShouldBe("u-union-1");
        bound.AppId.ShouldBe(FakeWeChat.AppId);
        var store = host.Services.GetRequiredService<IEventStore>();
        (await store.ReadStreamAsync(User.StreamId(bound.UserId)))[^1].Data.ShouldBeOfType<WeChatIdentityBound>();
    }

    [Fact]
    public async Task A_code_WeChat_refuses_is_4004_naming_the_code_and_binds_nothing()
    {
        var li = await host.UserClientAsync("liming");
        var (data, iv) = weChat.Encrypt(FakeWeChat.AppId);

        var answer = await li.PostJson("/api_3/xcx_info_bind", Body("stale-code", data, iv));

        answer.ErrNo.ShouldBe("4004", answer.Body);
        answer.ErrMsg.ShouldContain("code");
        answer.ErrMsg.ShouldContain("40029");
        (await BindingsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task User_info_of_another_mini_program_is_4004_naming_the_watermark_appid()
    {
        var li = await host.UserClientAsync("liming");
        var (data, iv) = weChat.Encrypt("wx-someone-else");

        var answer = await li.PostJson("/api_3/xcx_info_bind", Body(FakeWeChat.GoodCode, data, iv));

        answer.ErrNo.ShouldBe("4004", answer.Body);
        answer.ErrMsg.ShouldContain("watermark.appid");
        (await BindingsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Data_encrypted_under_another_key_does_not_decrypt_and_is_4004_naming_encryptedData()
    {
        var li = await host.UserClientAsync("liming");
        var (data, iv) = weChat.Encrypt(FakeWeChat.AppId, key: RandomNumberGenerator.GetBytes(16));

        var answer = await li.PostJson("/api_3/xcx_info_bind", Body(FakeWeChat.GoodCode, data, iv));

        answer.ErrNo.ShouldBe("4004", answer.Body);
        answer.ErrMsg.ShouldContain("encryptedData");
        answer.ErrMsg.ShouldContain("does not decrypt");
        (await BindingsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Missing_fields_are_4103_naming_them_and_an_anonymous_caller_is_4101()
    {
        var li = await host.UserClientAsync("liming");

        var missing = await li.PostJson("/api_3/xcx_info_bind", """{"code":"good-code","iv":"AAAAAAAAAAAAAAAAAAAAAA=="}""");
        var anonymous = await host.CreateClient().PostJson("/api_3/xcx_info_bind", Body(FakeWeChat.GoodCode, "x", "y"));

        missing.ErrNo.ShouldBe("4103");
        missing.ErrMsg.ShouldContain("encryptedData");
        anonymous.ErrNo.ShouldBe("4101");
    }
}
