using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Channels.BotFramework;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Tests.Training;
using Pingtang.Bot.Training;
using Pingtang.Domain;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Training;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Outbox;

/// <summary>
/// The turn that waited forever on itself: cancelling an enrolment sent the session's unsent notices from inside the
/// turn — one of them to the worker whose turn it was, which ran the pipeline again and waited on that conversation's
/// lock. Here through the real pipeline (CloudAdapter, the conversation lock, a loopback connector), with the outbox's
/// sender running in the background as it does in the service.
/// </summary>
public sealed class NoSendInsideATurnTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private FakeConnector _connector = null!;
    private PingtangFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _factory = new PingtangFactory(
            new Dictionary<string, string?> { ["Outbox:Enabled"] = "true", ["Outbox:QuietHours"] = "0:00-0:00" },
            new FakeTimeProvider(TestClock.Now));
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_worker_with_an_unsent_notice_cancels_their_enrolment_and_the_turn_completes()
    {
        var client = _factory.CreateClient();
        await SayAsync(client, "m0", "你好");
        var worker = await WorkerAsync();
        var session = await Sessions.PlanAsync(_factory, "焊工", Sessions.Welding with { Seats = 1 });
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<Enrolments>().EnrolAsync(worker, session, default);
            var waiting = await services.GetRequiredService<WorkerRegistry>().RegisterAsync(default);
            await services.GetRequiredService<Enrolments>().EnrolAsync(waiting.Id, session, default);

            // A 调整 notice no sender has sent yet, as import-sessions leaves one.
            var db = services.GetRequiredService<PingtangDb>();
            var planned = await db.TrainingSessions.Include(s => s.Course).SingleAsync(s => s.Id == session);
            services.GetRequiredService<OutboxMessages>().Queue(TrainingNotices.Moved(planned, worker, TestClock.Now) with { NotBefore = TestClock.Now.AddMinutes(1) });
            await db.SaveChangesAsync();
        }

        await SayAsync(client, "m1", "我的报名");
        await SayAsync(client, "m2", "1");
        await SayAsync(client, "m3", "是");

        Assert.Contains(TrainingTexts.Cancelled, _connector.Texts());
        ((FakeTimeProvider)_factory.Clock!).Advance(TimeSpan.FromMinutes(1));
        _factory.Services.GetRequiredService<Pingtang.Bot.Outbox.OutboxSignal>().Pulse();
        Assert.True(await ArrivesAsync(t => t.StartsWith("【培训调整通知】", StringComparison.Ordinal)), "the notice never reached the worker");
    }

    private async Task SayAsync(HttpClient client, string id, string text)
    {
        // Hung for good before the outbox: the safety net is far above any turn.
        var response = await client.PostAsJsonAsync(BotFrameworkChannel.Path, _connector.Message(id, "conv-cancel", text)).WaitAsync(Patience);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}");
    }

    private async Task<int> WorkerAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        return await db.Set<WorkerAddress>().Select(a => a.WorkerId).SingleAsync();
    }

    private async Task<bool> ArrivesAsync(Func<string, bool> match)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!patience.IsCancellationRequested)
        {
            if (_connector.Texts().Any(match))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
