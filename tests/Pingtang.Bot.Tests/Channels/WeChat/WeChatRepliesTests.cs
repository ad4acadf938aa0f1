using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.WeChat;
using Pingtang.Bot.Profile;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Outbox;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>
/// A turn that says more than one message: the first goes back in the HTTP response when the turn is quick, the rest
/// through the customer-service API of the fake WeChat, in order; when the turn is slow, <c>success</c> at once and
/// every message through the API.
/// </summary>
public sealed class WeChatRepliesTests : IAsyncLifetime
{
    private const string OpenId = "oUser-replies";
    private readonly FakeTimeProvider _clock = new(TestClock.Now);
    private FakeWeChatApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeWeChatApi.StartAsync(_clock);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_first_message_is_the_passive_reply_and_the_next_goes_through_the_customer_service_api(bool safeMode)
    {
        await using var host = WeChatHost.For(_api, _clock);
        var wechat = new WeChatServer(host.CreateClient(), _clock, safeMode);
        await wechat.SendTextAsync(OpenId, "你好");

        var answer = await wechat.SendTextAsync(OpenId, "我的信息");

        Assert.Equal(ProfileTexts.Intro, answer.Reply?.Content);
        Assert.Empty(_api.SentTo(OpenId));
        _clock.Advance(TimeSpan.FromSeconds(1));
        await host.SendDueAsync();
        Assert.Equal([ProfileTexts.AskName], _api.SentTo(OpenId).Select(m => m.Text));
        var sent = await OutboxAsync(host);
        Assert.Equal((OutboxState.Sent, WeChatAdapter.ChannelId, MessagePurpose.Reply), (sent.Single().State, sent.Single().SentChannel, sent.Single().Purpose));
    }

    [Fact]
    public async Task A_slow_turn_answers_success_at_once_and_every_message_goes_through_the_api_in_order_once()
    {
        await using var host = WeChatHost.For(_api, _clock, settings: new() { [WeChatConversations.PassiveReplyKey] = "0" });
        var wechat = new WeChatServer(host.CreateClient(), _clock, safeMode: false);
        var xml = wechat.Text(OpenId, "我的信息", WeChatServer.NextMsgId());

        var first = await wechat.PostAsync(xml);
        var retry = await wechat.PostAsync(xml);

        Assert.True(first.IsSuccess);
        Assert.True(retry.IsSuccess);
        await UntilQueuedAsync(host, 2);
        await host.SendDueAsync();
        Assert.Equal([ProfileTexts.Intro, ProfileTexts.AskName], _api.SentTo(OpenId).Select(m => m.Text));
    }

    private static async Task<List<OutboxMessage>> OutboxAsync(PingtangFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>The slow turn queues its replies after its request was answered: waits for them, a few seconds at most.</summary>
    private static async Task UntilQueuedAsync(PingtangFactory host, int count)
    {
        for (var tries = 0; tries < 200 && (await OutboxAsync(host)).Count < count; tries++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(count, (await OutboxAsync(host)).Count);
    }
}
