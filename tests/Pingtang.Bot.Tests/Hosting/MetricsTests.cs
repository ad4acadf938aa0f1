using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Tests.Broadcasts;
using Pingtang.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Pingtang.Domain;
using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Hosting;

/// <summary>What Prometheus reads at /metrics as workers chat, messages go out and people are asked for.</summary>
public sealed class MetricsTests : IDisposable
{
    private const string CountyCentre = "平塘县就业服务中心";

    private readonly RecordingChannel _channel = new();
    private readonly FakeTimeProvider _clock = new(TestClock.Now);
    private readonly PingtangFactory _factory;

    public MetricsTests() => _factory = new PingtangFactory(clock: _clock, services: s => s.AddSingleton<IProactiveChannel>(_channel));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Turns_outbox_messages_the_handoff_queue_and_a_campaign_move_the_series_Prometheus_scrapes()
    {
        var before = await ScrapeAsync();
        Assert.Equal(0, before.Value("pingtang_handoffs", ("station", CountyCentre), ("state", "waiting")));
        Assert.Equal(0, before.Value("pingtang_outbox_messages", ("state", "queued")));

        await Conversation.Start(_factory, "worker-m")
            .Send("你好").Expect(MenuTexts.Welcome)
            .Send("人工").Expect("已通知平塘县就业服务中心的工作人员")
            .StartTestAsync();
        var workerId = await WorkerProfiles.WorkerIdAsync(_factory, "worker-m");
        await QueueAsync(workerId, "metrics:1");
        await QueueAsync(workerId, "metrics:2");
        _clock.Advance(DatabaseReading<object>.Freshness);
        var queued = await ScrapeAsync();
        await _factory.SendDueAsync();
        _channel.Broken = true;
        await QueueAsync(workerId, "metrics:3");
        await _factory.SendDueAsync();
        await WorkerProfiles.SetAsync(_factory, "worker-m", WorkerProfile.Empty with { AcceptsReminders = true });
        var campaign = await Broadcasting.ScheduleAsync(_factory, _clock);
        await Broadcasting.FanOutAsync(_factory);
        _clock.Advance(DatabaseReading<object>.Freshness);

        var after = await ScrapeAsync();
        Assert.Equal(2, queued.Value("pingtang_outbox_messages", ("state", "queued")));
        Assert.Equal(2, after.Value("pingtang_turns_total", ("channel", "test"), ("outcome", "answered")));
        Assert.Equal(2, after.Value("pingtang_turn_duration_seconds_count", ("channel", "test")));
        Assert.True(after.Value("pingtang_turn_duration_seconds_sum", ("channel", "test")) > 0);
        Assert.Equal(3, after.Value("pingtang_outbox_queued_total", ("kind", "培训提醒")));
        Assert.Equal(2, after.Value("pingtang_outbox_sent_total", ("channel", "test"), ("kind", "培训提醒")));
        Assert.Equal(1, after.Value("pingtang_outbox_failed_total", ("kind", "培训提醒")));
        // The failed one is tried again later; the campaign's one copy waits for the sender.
        Assert.Equal(1, after.Value("pingtang_outbox_messages", ("state", "failed")));
        Assert.Equal(1, after.Value("pingtang_outbox_messages", ("state", "queued")));
        Assert.Equal(1, after.Value("pingtang_handoffs", ("station", CountyCentre), ("state", "waiting")));
        var id = campaign.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(1, after.Value("pingtang_broadcast_messages", ("campaign", id), ("state", "queued")));
        Assert.Equal(0, after.Value("pingtang_broadcast_messages", ("campaign", id), ("state", "sent")));

        _channel.Broken = false;
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _factory.SendDueAsync();
        _clock.Advance(DatabaseReading<object>.Freshness);
        var done = await ScrapeAsync();
        // Fanned out and all sent: no longer running.
        Assert.Empty(done.Series("pingtang_broadcast_messages", ("campaign", id)));
        Assert.Equal(3, done.Value("pingtang_outbox_sent_total", ("channel", "test"), ("kind", "培训提醒")));
        Assert.Equal(1, done.Value("pingtang_outbox_sent_total", ("channel", "test"), ("kind", Campaign.OutboxKind)));
    }

    [Fact]
    public async Task A_failed_turn_counts_as_an_error_of_its_type_and_a_turn_that_failed()
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation("failing", "worker-f", "bot")).UsePingtangPipeline(_factory.Services);
        await new TestFlow(adapter, (_, _) => throw new InvalidOperationException("boom"))
            .Send("你好").Expect(TurnErrorHandler.Apology)
            .StartTestAsync();

        var metrics = await ScrapeAsync();
        Assert.Equal(1, metrics.Value("pingtang_turn_errors_total", ("channel", "test"), ("error", nameof(InvalidOperationException))));
        Assert.Equal(1, metrics.Value("pingtang_turns_total", ("channel", "test"), ("outcome", "failed")));
    }

    [Fact]
    public async Task A_message_to_a_conversation_a_person_holds_counts_as_held_and_the_queue_shows_it_live()
    {
        await Conversation.Start(_factory, "worker-h").Send("人工").Expect("已通知").StartTestAsync();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var handoff = await scope.ServiceProvider.GetRequiredService<PingtangDb>().Handoffs.SingleAsync();
            await scope.ServiceProvider.GetRequiredService<HandoffDesk>().TakeOverAsync(handoff, new DeskStaff(7, "王芳", StationId: null), default);
        }

        await Conversation.Start(_factory, "worker-h").Send("你好").AssertNoReply("a person holds the conversation", 500).StartTestAsync();

        var metrics = await ScrapeAsync();
        Assert.Equal(1, metrics.Value("pingtang_turns_total", ("channel", "test"), ("outcome", "held")));
        Assert.Equal(1, metrics.Value("pingtang_handoffs", ("station", CountyCentre), ("state", "live")));
        Assert.Equal(0, metrics.Value("pingtang_handoffs", ("station", CountyCentre), ("state", "waiting")));
    }

    private async Task QueueAsync(int workerId, string key)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxMessages>();
        Assert.Equal(1, await outbox.QueueOnceAsync([new OutboxDraft(workerId, "培训提醒", MessagePurpose.Practical, key, "明天上午九点开班。")], default));
    }

    private Task<MetricsScrape> ScrapeAsync() => MetricsScrape.OfAsync(_factory);
}
