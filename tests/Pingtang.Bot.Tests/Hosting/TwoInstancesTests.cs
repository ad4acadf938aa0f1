using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Channels.DirectLine;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Tests.Broadcasts;
using Pingtang.Bot.Tests.Channels.DirectLine;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Tests.Training;
using Pingtang.Bot.Training;
using Pingtang.Domain;
using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Training;
using Xunit.Abstractions;

namespace Pingtang.Bot.Tests.Hosting;

/// <summary>
/// The service as several instances behind a load balancer without sticky sessions: two processes on two ports, one
/// PostgreSQL database, each request sent to either. A conversation, a rush for seats, a broadcast and a crash behave
/// as they do on one instance.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class TwoInstancesTests(ITestOutputHelper output)
{
    /// <summary>Well inside a stream's own look at the database (every 10 s): only the other instance's notice is this quick.</summary>
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(5);

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    [PostgresFact]
    public async Task A_conversation_alternating_between_the_instances_completes_an_enrolment_and_its_stream_on_one_hears_every_reply()
    {
        await using var instances = await TwoInstances.StartAsync(migrated: false);
        var session = await PlanAsync(instances, seats: 30);
        await instances.ListeningAsync();

        // As the web chat page does, on A: a token, the conversation, its stream.
        using var token = await Http.PostAsync(new Uri(instances.A.BaseUrl, WebChatPage.TokenPath), null);
        token.EnsureSuccessStatusCode();
        var issued = await token.Content.ReadFromJsonAsync<JsonElement>();
        var (conversationId, bearer) = (issued.GetProperty("conversationId").GetString()!, issued.GetProperty("token").GetString()!);
        using var atA = new HttpClient { BaseAddress = instances.A.BaseUrl };
        using var atB = new HttpClient { BaseAddress = instances.B.BaseUrl };
        var kits = new Dictionary<ServiceProcess, DirectLineKit> { [instances.A] = new(atA), [instances.B] = new(atB) };
        var (started, opened) = await kits[instances.A].SendAsync(HttpMethod.Post, "/v3/directline/conversations", bearer, "{\"user\":{}}");
        Assert.Equal(HttpStatusCode.Created, started);
        using var stream = new ClientWebSocket();
        await stream.ConnectAsync(new Uri(opened.GetProperty("streamUrl").GetString()!), CancellationToken.None);
        await HearAsync(stream, MenuTexts.Welcome);

        (string Say, string Hear)[] steps =
        [
            ("培训报名", TrainingTexts.AskCourse),
            ("1", "剩30个名额"),
            ("1", TrainingTexts.Confirm),
            ("是", TrainingTexts.AskName),
            ("王师傅", TrainingTexts.AskMobile),
            ("13812345678", "报名成功！确认码："),
        ];
        for (var turn = 0; turn < steps.Length; turn++)
        {
            // B first: the stream is on A, so B's replies reach it only by B's notice.
            var instance = instances[turn + 1];
            var (status, _) = await kits[instance].SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", bearer, DirectLineKit.Message(steps[turn].Say));
            Assert.Equal(HttpStatusCode.OK, status);
            await HearAsync(stream, steps[turn].Hear, $"turn {turn + 1}, said at {instance.Name}");
        }

        var enrolment = await instances.InOfficeAsync(services => services.GetRequiredService<PingtangDb>().Enrolments.Include(e => e.Worker).SingleAsync(e => e.SessionId == session));
        Assert.Equal((EnrolmentStatus.Confirmed, "王师傅", "13812345678"), (enrolment.Status, enrolment.Worker!.Name, enrolment.Worker.Mobile));
    }

    [PostgresFact]
    public async Task Two_hundred_workers_enrolling_at_once_through_both_instances_fill_exactly_the_seats()
    {
        const int workers = 200;
        const int seats = 30;
        await using var connector = await FakeConnector.StartAsync();
        await using var instances = await TwoInstances.StartAsync();
        var session = await PlanAsync(instances, seats);

        // Each round every worker says the next thing at once, alternately to A and B, so each worker's own turns
        // alternate too; the last round enrols all 200 at the same moment, half on each instance.
        string[] Says(int worker) => ["培训报名", "1", "1", "是", "王师傅", $"1381234{worker:D4}"];
        for (var round = 0; round < Says(0).Length; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, workers).Select(worker =>
                TellAsync(instances[worker + round], connector.Message(Guid.NewGuid().ToString("N"), $"rush-{worker}", Says(worker)[round]))));
        }

        var replies = connector.Texts();
        Assert.DoesNotContain(replies, r => r.Contains(TurnErrorHandler.Apology, StringComparison.Ordinal) || r.Contains(DialogTexts.StillWorking, StringComparison.Ordinal));
        Assert.Equal(seats, replies.Count(r => r.StartsWith("报名成功", StringComparison.Ordinal)));
        var positions = replies.Select(r => Sessions.WaitingPosition().Match(r)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order();
        Assert.Equal(Enumerable.Range(1, workers - seats), positions);
        var (enrolments, seatsTaken) = await instances.InOfficeAsync(async services =>
        {
            var db = services.GetRequiredService<PingtangDb>();
            return (await db.Enrolments.Where(e => e.SessionId == session).OrderBy(e => e.Id).Select(e => new { e.WorkerId, e.Status }).ToListAsync(),
                (await db.TrainingSessions.SingleAsync(s => s.Id == session)).SeatsTaken);
        });
        Assert.Equal(workers, enrolments.Select(e => e.WorkerId).Distinct().Count());
        Assert.Equal(seats, seatsTaken);
        Assert.Equal(
            Enumerable.Repeat(EnrolmentStatus.Confirmed, seats).Concat(Enumerable.Repeat(EnrolmentStatus.Waiting, workers - seats)),
            enrolments.Select(e => e.Status));
    }

    [PostgresFact]
    public async Task A_campaign_to_ten_thousand_with_both_instances_running_reaches_each_worker_once_and_both_send()
    {
        const int workers = 10_000;
        await using var connector = await FakeConnector.StartAsync();
        var campaign = 0;
        await using var instances = await TwoInstances.StartAsync(seed: async office =>
        {
            await LoopbackWorkers.AddAsync(office, connector.ServiceUrl, workers, acceptReminders: true);
            campaign = await Broadcasting.ScheduleAsync(office, TimeProvider.System);
        });

        // The campaign starts at the next minute's job, which one of the two runs; then both send.
        await instances.UntilAsync(() => connector.Bodies.Count >= workers, TimeSpan.FromMinutes(4), $"{workers} messages delivered");
        await instances.UntilAsync(async () => (await ReportAsync(instances, campaign)).Sent == workers, TimeSpan.FromSeconds(30), "every message marked sent");
        var sentBy = await Task.WhenAll(new[] { instances.A, instances.B }.Select(async instance =>
            (await MetricsScrape.OfAsync(Http, new Uri(instance.BaseUrl, "/metrics"))).Value("pingtang_outbox_sent_total", ("kind", Campaign.OutboxKind))));

        output.WriteLine($"A sent {sentBy[0]}, B sent {sentBy[1]}");
        var perConversation = connector.Bodies.Select(ConversationOf).GroupBy(c => c).ToList();
        Assert.Equal(workers, perConversation.Count);
        Assert.All(perConversation, conversation => Assert.Single(conversation));
        Assert.All(connector.Texts(), text => Assert.Contains(Broadcasting.Text, text, StringComparison.Ordinal));
        Assert.Equal(workers, sentBy.Sum());
        Assert.All(sentBy, sent => Assert.True(sent > 0, $"One instance sent nothing: A {sentBy[0]}, B {sentBy[1]}"));
    }

    [PostgresFact]
    public async Task Killing_one_instance_in_the_middle_of_sending_loses_nothing_and_repeats_at_most_its_one_batch()
    {
        const int messages = 10_000;
        await using var connector = await FakeConnector.StartAsync();
        await using var instances = await TwoInstances.StartAsync(seed: async office =>
        {
            var workers = await LoopbackWorkers.AddAsync(office, connector.ServiceUrl, messages);
            await using var scope = office.Services.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxMessages>();
            for (var i = 0; i < messages; i++)
            {
                outbox.Queue(new OutboxDraft(workers[i], "测试", MessagePurpose.Practical, $"crash-{i}", $"消息 {i}"));
            }

            await scope.ServiceProvider.GetRequiredService<PingtangDb>().SaveChangesAsync();
        });

        await instances.UntilAsync(() => Distinct(connector) >= messages / 2, TimeSpan.FromMinutes(3), "half the messages delivered");
        await instances.A.KillAsync();
        var atKill = connector.Bodies.Count;
        await instances.UntilAsync(() => Distinct(connector) == messages, TimeSpan.FromMinutes(3), "every message delivered by B alone", bothRunning: false);
        instances.B.ThrowIfExited();

        var duplicates = connector.Bodies.Count - Distinct(connector);
        output.WriteLine($"A killed after {atKill} sends; {duplicates} sent twice (bound {TwoInstances.BatchSize})");
        Assert.InRange(duplicates, 0, TwoInstances.BatchSize);
    }

    private static int Distinct(FakeConnector connector) => connector.Texts().Distinct().Count();

    private static string ConversationOf(string body) => JsonDocument.Parse(body).RootElement.GetProperty("conversation").GetProperty("id").GetString()!;

    private static Task<CampaignReport> ReportAsync(TwoInstances instances, int campaign) =>
        instances.InOfficeAsync(services => services.GetRequiredService<Campaigns>().ReportAsync(campaign, CancellationToken.None));

    /// <summary>A 焊工 session open for enrolment, by the real clock the instances run on.</summary>
    private static Task<int> PlanAsync(TwoInstances instances, int seats)
    {
        var today = ChinaTime.Today(TimeProvider.System);
        return Sessions.PlanAsync(instances.Office, "焊工", Sessions.Welding with
        {
            Seats = seats,
            StartsOn = today.AddDays(10),
            EndsOn = today.AddDays(24),
            EnrolBy = today.AddDays(8),
        });
    }

    private static async Task TellAsync(ServiceProcess instance, object activity)
    {
        using var response = await Http.PostAsJsonAsync(new Uri(instance.BaseUrl, "/api/messages"), activity);
        Assert.True(response.IsSuccessStatusCode, $"{instance.Name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Reads the stream until the bot says <paramref name="expected"/>, failing when that takes longer than <see cref="AtOnce"/>.</summary>
    private static async Task HearAsync(WebSocket stream, string expected, string when = "the welcome")
    {
        using var deadline = new CancellationTokenSource(AtOnce);
        var heard = new List<string>();
        while (!heard.Any(text => text.Contains(expected, StringComparison.Ordinal)))
        {
            var next = DirectLineStreamTests.ReceiveSetAsync(stream);
            var first = await Task.WhenAny(next, Task.Delay(Timeout.Infinite, deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default));
            Assert.True(first == next, $"The stream did not bring 「{expected}」 ({when}) within {AtOnce.TotalSeconds} s; it brought: {string.Join(" | ", heard)}");
            heard.AddRange((await next).Activities.Where(a => DirectLineKit.Role(a) == "bot").Select(a => DirectLineKit.Text(a) ?? ""));
        }
    }
}
