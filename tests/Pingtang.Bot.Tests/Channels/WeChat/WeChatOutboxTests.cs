using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Channels.WeChat;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Outbox;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Outbox;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>
/// Messages outside a turn to a WeChat follower, through the outbox and the fake WeChat: customer-service messages in
/// the 48 hours after their last message and within its quota, a template message for a kind that has one, and
/// otherwise held until they write; nothing once they unfollow; the daily API limit waits for midnight.
/// </summary>
public sealed class WeChatOutboxTests : IAsyncLifetime
{
    private const string OpenId = "oUser-outbox";
    private const string TripKind = "返岗提醒";
    private const string SessionKind = "培训调整通知";
    private const string TripText = "【返岗提醒】明天出发：2月11日（正月初六）07:30 返岗专车 → 广州\n上车点：平湖街道 县客运站 07:30";

    private readonly FakeTimeProvider _clock = new(TestClock.Now);
    private FakeWeChatApi _api = null!;
    private PingtangFactory _host = null!;
    private WeChatServer _wechat = null!;
    private int _keys;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync(_clock);
        _host = WeChatHost.For(_api, _clock, settings: new()
        {
            [$"WeChat:Templates:{TripKind}:TemplateId"] = "tpl-trip-reminder",
            [$"WeChat:Templates:{TripKind}:Fields:thing1"] = "{title}",
            [$"WeChat:Templates:{TripKind}:Fields:thing2"] = "{rest}",
            [$"WeChat:Templates:{TripKind}:Fields:time3"] = "{time}",
        });
        _wechat = new WeChatServer(_host.CreateClient(), _clock, safeMode: false);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task In_the_48_hours_after_the_followers_message_a_notice_goes_as_a_customer_service_message()
    {
        var worker = await FollowerAsync();
        _clock.Advance(WeChatUsers.Window - TimeSpan.FromMinutes(1));

        var message = await SendAsync(worker, SessionKind, "培训地点改到县职校2楼。");

        Assert.Equal((OutboxState.Sent, WeChatAdapter.ByCustomerService), (message.State, message.SentVia));
        Assert.Equal(["培训地点改到县职校2楼。"], Texts());
    }

    [Fact]
    public async Task After_48_hours_a_kind_with_a_template_goes_as_a_template_message_with_its_fields_cut_to_size()
    {
        var worker = await FollowerAsync();
        _clock.Advance(WeChatUsers.Window + TimeSpan.FromMinutes(1));

        var message = await SendAsync(worker, TripKind, TripText);

        Assert.Equal((OutboxState.Sent, WeChatAdapter.ByTemplate), (message.State, message.SentVia));
        var template = Assert.Single(_api.SentTo(OpenId), m => m.MsgType == "template");
        Assert.Equal("tpl-trip-reminder", template.TemplateId);
        Assert.Equal("【返岗提醒】明天出发：2月11日（正月…", template.Data["thing1"]);
        Assert.Equal(20, template.Data["thing1"].Length);
        Assert.Equal("上车点：平湖街道 县客运站 07:30", template.Data["thing2"]);
        Assert.Equal(ChinaTime.Text(_clock.GetUtcNow()), template.Data["time3"]);
    }

    [Fact]
    public async Task After_48_hours_a_kind_without_a_template_waits_and_goes_right_after_the_answer_when_they_write()
    {
        var worker = await FollowerAsync();
        _clock.Advance(TimeSpan.FromDays(3));

        var waiting = await SendAsync(worker, SessionKind, "培训地点改到县职校2楼。");
        Assert.Equal((OutboxState.Waiting, 0), (waiting.State, waiting.Attempts));
        Assert.Empty(Texts());

        var answer = await _wechat.SendTextAsync(OpenId, "菜单");
        _clock.Advance(TimeSpan.FromSeconds(2));
        await _host.SendDueAsync();

        Assert.NotNull(answer.Reply);
        Assert.Equal(["培训地点改到县职校2楼。"], Texts());
        var sent = await MessageAsync(waiting.Id);
        Assert.Equal((OutboxState.Sent, WeChatAdapter.ByCustomerService), (sent.State, sent.SentVia));
    }

    [Fact]
    public async Task Five_customer_service_messages_per_message_the_follower_sent_then_the_template_or_the_wait()
    {
        var worker = await FollowerAsync();
        for (var i = 1; i <= WeChatUsers.MessagesPerWindow; i++)
        {
            Assert.Equal(WeChatAdapter.ByCustomerService, (await SendAsync(worker, SessionKind, $"第{i}条")).SentVia);
        }

        var sixth = await SendAsync(worker, SessionKind, "第6条");
        var trip = await SendAsync(worker, TripKind, TripText);

        Assert.Equal(OutboxState.Waiting, sixth.State);
        Assert.Equal(WeChatAdapter.ByTemplate, trip.SentVia);
        Assert.Equal(WeChatUsers.MessagesPerWindow, Texts().Count);
    }

    [Fact]
    public async Task When_wechat_says_the_quota_is_spent_though_our_count_did_not_the_template_goes_instead()
    {
        var worker = await FollowerAsync();
        _api.SpendQuota(OpenId);

        var trip = await SendAsync(worker, TripKind, TripText);
        var notice = await SendAsync(worker, SessionKind, "培训地点改到县职校2楼。");

        Assert.Equal((OutboxState.Sent, WeChatAdapter.ByTemplate), (trip.State, trip.SentVia));
        Assert.Equal(OutboxState.Waiting, notice.State);
    }

    [Fact]
    public async Task After_unfollowing_nothing_is_sent_and_following_again_lets_messages_through()
    {
        var worker = await FollowerAsync();
        await _wechat.PostAsync(Event("unsubscribe"));

        var skipped = await SendAsync(worker, TripKind, TripText);
        Assert.Equal((OutboxState.Skipped, OutboxRules.NoChannel), (skipped.State, skipped.LastError));
        Assert.Empty(_api.SentTo(OpenId));

        _clock.Advance(TimeSpan.FromSeconds(5));
        var welcome = await _wechat.PostAsync(Event("subscribe"));
        var sent = await SendAsync(worker, SessionKind, "培训地点改到县职校2楼。");

        Assert.NotNull(welcome.Reply);
        Assert.Equal((OutboxState.Sent, WeChatAdapter.ByCustomerService), (sent.State, sent.SentVia));
    }

    [Fact]
    public async Task When_the_accounts_daily_api_limit_is_reached_the_message_waits_for_midnight_without_a_try_counted()
    {
        var worker = await FollowerAsync();
        _api.DailyLimitReached = true;

        var message = await SendAsync(worker, SessionKind, "培训地点改到县职校2楼。");

        Assert.Equal((OutboxState.Queued, 0), (message.State, message.Attempts));
        Assert.Equal(ChinaTime.At(ChinaTime.Today(_clock).AddDays(1), TimeOnly.MinValue), message.NotBefore);
    }

    [Fact]
    public async Task The_staff_outbox_page_shows_which_way_each_kind_went()
    {
        var worker = await FollowerAsync();
        await SendAsync(worker, SessionKind, "培训地点改到县职校2楼。");
        _clock.Advance(TimeSpan.FromDays(3));
        await SendAsync(worker, TripKind, TripText);
        using var staff = await StaffClient.SignInAsync(_host, "test-admin-password");

        var page = await staff.GetStringAsync(OutboxStaffEndpoints.Path);

        Assert.Contains($"<td>{SessionKind}</td><td>微信公众号</td><td>{WeChatAdapter.ByCustomerService}</td><td>1</td>", page, StringComparison.Ordinal);
        Assert.Contains($"<td>{TripKind}</td><td>微信公众号</td><td>{WeChatAdapter.ByTemplate}</td><td>1</td>", page, StringComparison.Ordinal);
    }

    /// <summary>A follower who wrote once, now; their worker id.</summary>
    private async Task<int> FollowerAsync()
    {
        Assert.NotNull((await _wechat.SendTextAsync(OpenId, "你好")).Reply);
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        return await db.Set<WorkerAddress>().Where(a => a.UserId == OpenId).Select(a => a.WorkerId).SingleAsync();
    }

    private string Event(string name) =>
        $"<xml><ToUserName>{WeChatServer.Account}</ToUserName><FromUserName>{OpenId}</FromUserName><CreateTime>{_clock.GetUtcNow().ToUnixTimeSeconds()}</CreateTime><MsgType>event</MsgType><Event>{name}</Event></xml>";

    /// <summary>Queues one message of <paramref name="kind"/> and runs the sender; the message as it then is.</summary>
    private async Task<OutboxMessage> SendAsync(int worker, string kind, string text)
    {
        var key = $"test:{Interlocked.Increment(ref _keys)}";
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxMessages>().QueueOnceAsync([new OutboxDraft(worker, kind, MessagePurpose.Practical, key, text)], default);
        }

        await _host.Services.GetRequiredService<OutboxSender>().SendBatchAsync(default);
        await using var check = _host.Services.CreateAsyncScope();
        return await check.ServiceProvider.GetRequiredService<PingtangDb>().Outbox.AsNoTracking().SingleAsync(m => m.Key == key);
    }

    private async Task<OutboxMessage> MessageAsync(long id)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private List<string?> Texts() => [.. _api.SentTo(OpenId).Where(m => m.MsgType == "text").Select(m => m.Text)];
}
