using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Channels.BotFramework;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Outbox;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Broadcasts;

/// <summary>
/// A campaign to workers of the Bot Framework channel, whose loopback connector says "too fast" (429 with
/// Retry-After) to one message: the channel is left alone until then — that message and the ones after it put off,
/// none failed — slows down, and then all go, once each. On the real clock, since a paced send waits for its turn;
/// quiet hours off.
/// </summary>
[Collection(HangfireCollection.Name)]
public sealed class BroadcastPacingTests : IAsyncLifetime
{
    private const string Channel = "emulator";
    private const double Rate = 1_000;

    private FakeConnector _connector = null!;
    private PingtangFactory _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = new PingtangFactory(new Dictionary<string, string?>
        {
            ["Outbox:QuietHours"] = "0:00-0:00",
            ["Outbox:Parallelism"] = "1",
            [$"Outbox:Channels:{Channel}:MessagesPerSecond"] = $"{Rate}",
        });
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_message_the_channel_refuses_as_too_fast_waits_for_its_retry_after_without_counting_as_a_failure_and_the_channel_slows_down()
    {
        for (var i = 0; i < 3; i++)
        {
            await ChattingWorkerAsync($"paced-{i}");
        }

        var campaign = await Broadcasting.ScheduleAsync(_host, TimeProvider.System);
        await Broadcasting.FanOutAsync(_host);
        // Longer than a send waits for its turn (ChannelPacing.MaxWait): the others are put off too, not held in the batch.
        _connector.RetryAfterSeconds = 3;
        _connector.RefuseAsTooFast = 1;

        await _host.SendDueAsync();

        Assert.Equal((1, 0), (_connector.Refused, _connector.Texts().Count));
        var report = await Broadcasting.ReportAsync(_host, campaign);
        Assert.Equal((3, 0, 0, 0), (report.Queued, report.Sent, report.Failed, report.Deferred));
        Assert.InRange(_host.Services.GetRequiredService<ChannelPacing>().RateOf(Channel), Rate / 2, Rate / 2 * 1.2);
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var waiting = await scope.ServiceProvider.GetRequiredService<PingtangDb>().Outbox.AsNoTracking().Where(m => m.CampaignId == campaign).ToListAsync();
            Assert.All(waiting, m => Assert.Equal((0, null), (m.Attempts, m.LastError)));
        }

        for (var tries = 0; _connector.Texts().Count < 3 && tries < 200; tries++)
        {
            await Task.Delay(100);
            await _host.SendDueAsync();
        }

        Assert.Equal(3, (await Broadcasting.ReportAsync(_host, campaign)).Sent);
        Assert.Equal(3, _connector.Texts().Count);
    }

    private async Task ChattingWorkerAsync(string conversationId)
    {
        var message = _connector.Message($"hello-{conversationId}", conversationId, "你好");
        await _host.CreateClient().PostAsJsonAsync(BotFrameworkChannel.Path, message);
        _connector.Bodies.Clear();
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        var worker = await db.Set<WorkerAddress>().Where(a => a.UserId == $"user-of-{conversationId}").Select(a => a.WorkerId).SingleAsync();
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkerRegistry>().SetRemindersAsync(worker, true, default);
    }
}
