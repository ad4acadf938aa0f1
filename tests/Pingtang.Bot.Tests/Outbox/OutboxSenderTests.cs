using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Channels.BotFramework;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Outbox;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Outbox;

/// <summary>The service's sender, through the real host, to workers who reached us through a loopback connector.</summary>
public sealed class OutboxSenderTests : IAsyncLifetime
{
    /// <summary>2026-12-01 10:00 in China: not quiet.</summary>
    private static readonly DateTimeOffset Morning = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Morning);
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task A_queued_message_reaches_the_worker_at_once_not_at_the_next_sweep()
    {
        using var host = Host(sending: true);
        var worker = await ChattingWorkerAsync(host, "conv-now");

        await QueueAsync(host, Draft(worker, "now", "明天上午9点开班。"));

        Assert.NotNull(await ArrivesAsync(t => t == "明天上午9点开班。"));
        var sent = await SingleAsync(host);
        for (var tries = 0; sent.State == OutboxState.Sending && tries < 500; tries++)
        {
            // Recorded a moment after the connector has it.
            await Task.Delay(20);
            sent = await SingleAsync(host);
        }

        Assert.Equal((OutboxState.Sent, "emulator", 1), (sent.State, sent.SentChannel, sent.Attempts));
    }

    [Fact]
    public async Task Choices_go_as_a_numbered_list_and_as_buttons()
    {
        using var host = Host();
        var worker = await ChattingWorkerAsync(host, "conv-choices");

        await QueueAsync(host, Draft(worker, "choices", "有名额了，要报名吗？") with { Choices = ["报名", "不用了"] });
        await SendBatchAsync(host);

        var body = Newtonsoft.Json.Linq.JObject.Parse(Assert.Single(_connector.Bodies));
        Assert.Equal("有名额了，要报名吗？\n1. 报名\n2. 不用了", body.Value<string>("text"));
        Assert.Equal(["报名", "不用了"], body["suggestedActions"]!["actions"]!.Select(a => a.Value<string>("title")));
    }

    [Fact]
    public async Task At_night_a_practical_message_waits_for_the_morning_and_a_reply_does_not()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero)); // 23:00 in China
        using var host = Host();
        var worker = await ChattingWorkerAsync(host, "conv-night");

        await QueueAsync(host, Draft(worker, "practical", "培训调整通知"), Draft(worker, "reply", "工作人员：收到", MessagePurpose.Reply));
        await SendBatchAsync(host);

        Assert.Equal(["工作人员：收到"], _connector.Texts());
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero)); // 08:00
        await SendBatchAsync(host);
        Assert.Equal(["工作人员：收到", "培训调整通知"], _connector.Texts());
    }

    [Fact]
    public async Task One_workers_messages_arrive_in_the_order_they_were_queued_while_other_workers_go_side_by_side()
    {
        using var host = Host();
        var first = await ChattingWorkerAsync(host, "conv-first");
        var second = await ChattingWorkerAsync(host, "conv-second");
        var queued = Enumerable.Range(1, 10).ToList();

        await QueueAsync(host, [.. queued.SelectMany(n => new[] { Draft(first, $"first-{n}", $"甲{n}"), Draft(second, $"second-{n}", $"乙{n}") })]);
        Assert.Equal(20, await SendBatchAsync(host));

        var arrived = _connector.Bodies.Select(Newtonsoft.Json.Linq.JObject.Parse).ToList();
        string[] TextsOf(string conversation) =>
            [.. arrived.Where(b => (string?)b["conversation"]?["id"] == conversation).Select(b => (string)b["text"]!)];
        Assert.Equal(queued.Select(n => $"甲{n}"), TextsOf("conv-first"));
        Assert.Equal(queued.Select(n => $"乙{n}"), TextsOf("conv-second"));
    }

    [Fact]
    public async Task A_promotional_message_goes_only_to_a_worker_who_agreed()
    {
        using var host = Host();
        var agreed = await ChattingWorkerAsync(host, "conv-yes", acceptsReminders: true);
        var silent = await ChattingWorkerAsync(host, "conv-no");

        await QueueAsync(host, Draft(agreed, "yes", "新岗位：电工", MessagePurpose.Promotional), Draft(silent, "no", "新岗位：焊工", MessagePurpose.Promotional));
        await SendBatchAsync(host);

        Assert.Equal(["新岗位：电工"], _connector.Texts());
        var skipped = await MessageAsync(host, "no");
        Assert.Equal((OutboxState.Skipped, OutboxRules.NoConsent), (skipped.State, skipped.LastError));
    }

    [Fact]
    public async Task A_worker_no_channel_reaches_is_recorded_and_not_tried_again()
    {
        using var host = Host();
        int worker;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            worker = (await scope.ServiceProvider.GetRequiredService<WorkerRegistry>().RegisterAsync(default)).Id;
        }

        await QueueAsync(host, Draft(worker, "nowhere", "你好"));
        await SendBatchAsync(host);
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await SendBatchAsync(host));

        var skipped = await SingleAsync(host);
        Assert.Equal((OutboxState.Skipped, OutboxRules.NoChannel, 1), (skipped.State, skipped.LastError, skipped.Attempts));
    }

    [Fact]
    public async Task A_channel_that_fails_is_tried_again_after_the_back_off_with_the_reason_recorded()
    {
        using var host = Host();
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var worker = await ChattingWorkerAsync(host, "conv-broken", serviceUrl: $"http://127.0.0.1:{port}/");

        await QueueAsync(host, Draft(worker, "broken", "你好"));
        await SendBatchAsync(host);
        var failed = await SingleAsync(host);
        Assert.Equal((OutboxState.Failed, 1), (failed.State, failed.Attempts));
        Assert.StartsWith("HttpRequestException", failed.LastError, StringComparison.Ordinal);

        Assert.Equal(0, await SendBatchAsync(host));
        _clock.Advance(OutboxRules.Backoff(1));
        Assert.Equal(1, await SendBatchAsync(host));
        Assert.Equal(2, (await SingleAsync(host)).Attempts);
    }

    private PingtangFactory Host(bool sending = false) => new(
        new Dictionary<string, string?>
        {
            ["Outbox:Enabled"] = sending ? "true" : "false",
            // Only the wake-up can explain a message that arrives within seconds.
            ["Outbox:SweepSeconds"] = "600",
        },
        _clock);

    private static OutboxDraft Draft(int worker, string key, string text, MessagePurpose purpose = MessagePurpose.Practical) =>
        new(worker, "test", purpose, key, text);

    /// <summary>A worker who has chatted through the loopback connector (so it is their last channel), replies cleared.</summary>
    private async Task<int> ChattingWorkerAsync(PingtangFactory host, string conversationId, bool acceptsReminders = false, string? serviceUrl = null)
    {
        var message = new
        {
            type = "message",
            id = $"hello-{conversationId}",
            text = "你好",
            channelId = "emulator",
            serviceUrl = serviceUrl ?? _connector.ServiceUrl,
            from = new { id = $"user-of-{conversationId}" },
            recipient = new { id = "bot" },
            conversation = new { id = conversationId },
        };
        await host.CreateClient().PostAsJsonAsync(BotFrameworkChannel.Path, message);
        _connector.Bodies.Clear();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        var worker = await db.Set<WorkerAddress>().Where(a => a.UserId == $"user-of-{conversationId}").Select(a => a.WorkerId).SingleAsync();
        if (acceptsReminders)
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WorkerRegistry>().SetRemindersAsync(worker, true, default);
        }

        return worker;
    }

    private static async Task QueueAsync(PingtangFactory host, params OutboxDraft[] drafts)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxMessages>();
        foreach (var draft in drafts)
        {
            outbox.Queue(draft);
        }

        await scope.ServiceProvider.GetRequiredService<PingtangDb>().SaveChangesAsync();
    }

    private static Task<int> SendBatchAsync(PingtangFactory host) =>
        host.Services.GetRequiredService<OutboxSender>().SendBatchAsync(CancellationToken.None);

    private static async Task<OutboxMessage> SingleAsync(PingtangFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().Outbox.AsNoTracking().SingleAsync();
    }

    private static async Task<OutboxMessage> MessageAsync(PingtangFactory host, string key)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().Outbox.AsNoTracking().SingleAsync(m => m.Key == key);
    }

    private async Task<string?> ArrivesAsync(Func<string, bool> match)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!patience.IsCancellationRequested)
        {
            if (_connector.Texts().FirstOrDefault(match) is { } text)
            {
                return text;
            }

            await Task.Delay(20);
        }

        return null;
    }
}
