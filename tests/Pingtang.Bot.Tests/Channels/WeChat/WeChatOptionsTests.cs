using Microsoft.Extensions.Configuration;
using Pingtang.Bot.Channels.WeChat;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>The settings an operator copies from the WeChat admin console, and the one message each wrong one gives.</summary>
public sealed class WeChatOptionsTests
{
    private const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    [Fact]
    public void With_nothing_set_the_channel_is_off_and_calls_go_to_WeChat()
    {
        var options = WeChatOptions.From(Settings());

        Assert.False(options.IsConfigured);
        Assert.Equal(new Uri("https://api.weixin.qq.com/"), options.ApiBaseUrl);
    }

    [Fact]
    public void A_full_set_is_read_as_written_and_an_api_base_with_a_path_gets_its_slash()
    {
        var options = WeChatOptions.From(Settings(
            ("Token", "pingtang2026"), ("AppId", "wx5f0e2a9c3b7d4e61"), ("AppSecret", "secret"), ("EncodingAESKey", AesKey), ("ApiBaseUrl", "http://10.0.0.8:8080/wechat")));

        Assert.True(options.IsConfigured);
        Assert.Equal(("pingtang2026", "wx5f0e2a9c3b7d4e61", "secret", AesKey), (options.Token, options.AppId, options.AppSecret, options.EncodingAESKey));
        Assert.Equal(new Uri("http://10.0.0.8:8080/wechat/"), options.ApiBaseUrl);
    }

    [Theory]
    [InlineData("ApiBaseUrl", "api.weixin.qq.com", "WeChat:ApiBaseUrl must be an absolute http or https URL")]
    [InlineData("ApiBaseUrl", "ftp://api.weixin.qq.com", "WeChat:ApiBaseUrl must be an absolute http or https URL")]
    [InlineData("ApiBaseUrl", "https://api.weixin.qq.com/?x=1", "WeChat:ApiBaseUrl must be an absolute http or https URL")]
    [InlineData("Token", "ab", "WeChat:Token must be 3 to 32 letters or digits")]
    [InlineData("Token", "pingtang-2026", "WeChat:Token must be 3 to 32 letters or digits")]
    [InlineData("AppId", null, "WeChat:Token is set but WeChat:AppId is not")]
    [InlineData("Token", null, "WeChat:AppId is set but WeChat:Token is not")]
    [InlineData("AppSecret", " ", "WeChat:AppSecret must be set with WeChat:AppId")]
    [InlineData("EncodingAESKey", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF", "WeChat:EncodingAESKey must be the 43 letters and digits")]
    [InlineData("EncodingAESKey", "abcdefghijklmnopqrstuvwxyz0123456789ABCDE+G", "WeChat:EncodingAESKey must be the 43 letters and digits")]
    public void Each_wrong_setting_is_named_in_one_message(string key, string? value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WeChat:Token"] = "pingtang2026",
            ["WeChat:AppId"] = "wx5f0e2a9c3b7d4e61",
            ["WeChat:AppSecret"] = "secret",
            ["WeChat:EncodingAESKey"] = AesKey,
            [$"WeChat:{key}"] = value,
        };

        var wrong = Assert.Throws<InvalidOperationException>(() => WeChatOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));

        Assert.StartsWith(message, wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_refuses_a_wrong_setting_at_start_up()
    {
        await using var wechat = await FakeWeChatApi.StartAsync();
        await using var host = WeChatHost.For(wechat, settings: new() { ["WeChat:ApiBaseUrl"] = "api.weixin.qq.com" });

        var wrong = Assert.Throws<WrongSettingsException>(() => host.Services);

        Assert.StartsWith("WeChat:ApiBaseUrl must be", Assert.Single(wrong.Problems), StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create<string, string?>($"WeChat:{v.Key}", v.Value))).Build();
}
