using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Training;
using Pingtang.Domain;
using Pingtang.Domain.Training;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Training;

/// <summary>A popular session filling in seconds: 200 workers confirm at once, through the bot's real turn pipeline.</summary>
public sealed class EnrolmentConcurrencyTests : IDisposable
{
    private const int Workers = 200;
    private const int Seats = 30;

    /// <summary>These workers tap 「是」 twice in a row, as people do when the answer is slow.</summary>
    private const int DoubleSenders = 20;

    private readonly PingtangFactory _factory = new(clock: new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Two_hundred_at_once_for_thirty_seats_gives_thirty_seats_and_a_waiting_list_in_arrival_order()
    {
        var session = await Sessions.PlanAsync(_factory, "焊工", Sessions.Welding with { Seats = Seats });
        var bot = _factory.Services.GetRequiredService<IBot>();
        var adapters = new List<TestAdapter>();
        for (var i = 0; i < Workers; i++)
        {
            var adapter = new TestAdapter(TestAdapter.CreateConversation($"rush-{i}", $"worker-{i}", "bot")).UsePingtangPipeline(_factory.Services);
            foreach (var text in new[] { "培训报名", "1", "1" })
            {
                await adapter.SendTextToBotAsync(text, bot.OnTurnAsync, default);
            }

            Drain(adapter);
            adapters.Add(adapter);
            await WorkerProfiles.SetAsync(_factory, $"worker-{i}", WorkerProfile.Empty with { Name = $"学员{i}", Mobile = $"1381234{i:D4}" });
        }

        var replies = new ConcurrentBag<string>();
        var sends = adapters.SelectMany((adapter, i) => Enumerable.Repeat(adapter, i < DoubleSenders ? 2 : 1))
            .Select(adapter => Task.Run(async () =>
            {
                await adapter.SendTextToBotAsync("是", bot.OnTurnAsync, default);
            }));
        await Task.WhenAll(sends);
        foreach (var adapter in adapters)
        {
            foreach (var reply in Drain(adapter))
            {
                replies.Add(reply);
            }
        }

        Assert.DoesNotContain(replies, r => r.Contains(TurnErrorHandler.Apology, StringComparison.Ordinal));
        Assert.Equal(Seats, replies.Count(r => r.StartsWith("报名成功", StringComparison.Ordinal)));
        var positions = replies.Select(r => Sessions.WaitingPosition().Match(r)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, Workers - Seats), positions);

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var enrolments = await db.Enrolments.Where(e => e.SessionId == session).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(Workers, enrolments.Count);
        Assert.Equal(Workers, enrolments.Select(e => e.WorkerId).Distinct().Count());
        Assert.Equal(Seats, enrolments.Count(e => e.Status == EnrolmentStatus.Confirmed));
        Assert.Equal(Seats, (await db.TrainingSessions.SingleAsync(s => s.Id == session)).SeatsTaken);
        // Arrival order is the order the database took them in: every confirmed enrolment came before every waiting one.
        Assert.Equal(
            Enumerable.Repeat(EnrolmentStatus.Confirmed, Seats).Concat(Enumerable.Repeat(EnrolmentStatus.Waiting, Workers - Seats)),
            enrolments.Select(e => e.Status));
        var enrolmentsService = scope.ServiceProvider.GetRequiredService<Enrolments>();
        var waiting = enrolments.Where(e => e.Status == EnrolmentStatus.Waiting).ToList();
        for (var i = 0; i < waiting.Count; i++)
        {
            Assert.Equal(i + 1, await enrolmentsService.PositionAsync(waiting[i], default));
        }
    }

    private static List<string> Drain(TestAdapter adapter)
    {
        var texts = new List<string>();
        while (adapter.GetNextReply() is IMessageActivity reply)
        {
            texts.Add(reply.Text ?? "");
        }

        return texts;
    }
}
