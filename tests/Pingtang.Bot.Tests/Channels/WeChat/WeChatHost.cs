using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pingtang.Bot.Channels.WeChat;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>The real host with the WeChat channel's settings pointing at a <see cref="FakeWeChatApi"/>.</summary>
internal static class WeChatHost
{
    public const string Token = "pingtangwechat2026";

    /// <summary>Safe mode's key; a test host has it set, so both modes are served, as WeChat's 兼容模式 is.</summary>
    public const string EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    public static PingtangFactory For(
        FakeWeChatApi fake,
        TimeProvider? clock = null,
        string? dataFolder = null,
        ILoggerProvider? log = null,
        Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["WeChat:Token"] = Token,
            ["WeChat:AppId"] = FakeWeChatApi.AppId,
            ["WeChat:AppSecret"] = FakeWeChatApi.AppSecret,
            ["WeChat:ApiBaseUrl"] = fake.BaseUrl,
            ["WeChat:EncodingAESKey"] = EncodingAesKey,
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return new PingtangFactory(all, clock, dataFolder, collection =>
        {
            if (log is not null)
            {
                collection.AddSingleton(log);
            }

            services?.Invoke(collection);
        });
    }

    public static WeChatApi Api(this PingtangFactory host) => host.Services.GetRequiredService<WeChatApi>();

    public static WeChatTokens Tokens(this PingtangFactory host) => host.Services.GetRequiredService<WeChatTokens>();
}
