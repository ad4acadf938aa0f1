using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>
/// A test of what one follower meets in WeChat: the fake WeChat API, the service pointed at it, and WeChat's server
/// posting the follower's messages to <c>/api/wechat</c>, all on one fake clock.
/// </summary>
public abstract class WeChatWorkerTest(bool safeMode) : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(TestClock.Now);

    protected FakeWeChatApi Api { get; private set; } = null!;

    protected PingtangFactory Host { get; private set; } = null!;

    protected WeChatServer WeChat { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await FakeWeChatApi.StartAsync(Clock);
        Host = WeChatHost.For(Api, Clock);
        WeChat = new WeChatServer(Host.CreateClient(), Clock, safeMode);
    }

    /// <summary>What <paramref name="openId"/> sends a second after the last, as WeChat delivers it (<see cref="WeChatFields"/>).</summary>
    protected string Sent(string openId, string fields)
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        return WeChat.Message(openId, fields);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Api.DisposeAsync();
    }
}
