using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Pingtang.Bot.Handoffs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Handoffs;

namespace Pingtang.Bot.Tests.Handoffs;

public sealed class HandoffGateTests : IAsyncLifetime
{
    private static readonly DeskStaff Wang = new(7, "王芳", StationId: null);

    private readonly PingtangFactory _factory = new();
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Asking_for_a_person_twice_keeps_one_place_in_the_queue()
    {
        await Conversation.Start(_factory)
            .Send("人工").Expect("已通知平塘县就业服务中心的工作人员").Expect(MenuTexts.AnythingElse)
            .Send("转人工").Expect("您已经在等平塘县就业服务中心的工作人员了").Expect(MenuTexts.AnythingElse)
            .StartTestAsync();

        var handoff = Assert.Single(await QueryAsync(db => db.Handoffs.ToListAsync()));
        Assert.Equal(HandoffState.Waiting, handoff.State);
    }

    [Fact]
    public async Task While_a_person_holds_the_conversation_the_bot_says_nothing_and_the_worker_is_heard_in_the_transcript()
    {
        await Conversation.Start(_factory)
            .Send("人工").Expect("已通知").Expect(MenuTexts.AnythingElse)
            .Send("你好").Expect(MenuTexts.Welcome)
            .Then(() => OnDesk((desk, handoff) => desk.TakeOverAsync(handoff, Wang, default)))
            .Send("菜单").AssertNoReply("the bot is silent while staff hold the conversation", 1500)
            .Send("1").AssertNoReply("not even for a menu choice", 1500)
            .Then(() => OnDesk((desk, handoff) => desk.HandBackAsync(handoff, Wang, "已记录", MainMenu.Titles, default)))
            .Send("1").Expect("想在哪里工作")
            .StartTestAsync();

        var lines = await QueryAsync(db => db.Set<ChatMessage>().OrderBy(m => m.Id).Select(m => new { m.Author, m.Text }).ToListAsync());
        Assert.Equal(
            [(ChatAuthor.Worker, "你好"), (ChatAuthor.Worker, "菜单"), (ChatAuthor.Worker, "1")],
            lines.Where(l => l.Author == ChatAuthor.Worker).Select(l => (l.Author, l.Text)));
        Assert.Contains(lines, l => l.Author == ChatAuthor.Bot && l.Text.Contains(MenuTexts.Welcome, StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_case_is_resolved_the_worker_s_next_reply_is_taken_as_their_rating()
    {
        await Conversation.Start(_factory)
            .Send("人工").Expect("已通知").Expect(MenuTexts.AnythingElse)
            .Then(() => OnDesk((desk, handoff) => desk.ResolveAsync(handoff, Wang, null, default)))
            .Send("4 挺耐心的").Expect(HandoffTexts.RatingThanks, MenuTexts.AnythingElse)
            .Send("4").Expect(Pingtang.Bot.ReturnTrips.ReturnTripTexts.NoDepartures)
            .StartTestAsync();

        var rating = Assert.Single(await QueryAsync(db => db.HelpRatings.ToListAsync()));
        Assert.Equal((4, "挺耐心的"), (rating.Score, rating.Word));
    }

    [Fact]
    public async Task A_Bot_Framework_host_is_offered_the_conversation_and_its_agent_hub_takes_it_and_gives_it_back()
    {
        var client = _factory.CreateClient();
        await client.PostAsJsonAsync("/api/messages", _connector.Message("h1", "conv-h", "人工"));

        var initiate = _connector.Bodies.Select(JObject.Parse).Single(b => b.Value<string>("type") == "event");
        Assert.Equal("handoff.initiate", initiate.Value<string>("name"));
        Assert.Equal("平塘县就业服务中心", initiate["value"]!.Value<string>("station"));
        Assert.Equal("Transcript", initiate["attachments"]![0]!.Value<string>("name"));
        Assert.NotNull(initiate["attachments"]![0]!["content"]!["activities"]);

        await client.PostAsJsonAsync("/api/messages", Status("s1", "accepted"));
        _connector.Bodies.Clear();
        await client.PostAsJsonAsync("/api/messages", _connector.Message("h2", "conv-h", "在吗"));
        Assert.Empty(_connector.Bodies);

        await client.PostAsJsonAsync("/api/messages", Status("s2", "completed"));
        Assert.Contains(_connector.Texts(), t => t.StartsWith(HandoffTexts.ExternalHubDone, StringComparison.Ordinal));
        Assert.Equal(HandoffState.Ended, (await QueryAsync(db => db.Handoffs.SingleAsync())).State);
    }

    [Fact]
    public async Task A_status_for_a_conversation_never_offered_changes_nothing()
    {
        var response = await _factory.CreateClient().PostAsJsonAsync("/api/messages", Status("s3", "accepted"));

        Assert.True(response.IsSuccessStatusCode);
        Assert.Empty(_connector.Bodies);
        Assert.Empty(await QueryAsync(db => db.Handoffs.ToListAsync()));
    }

    private object Status(string id, string state) => new
    {
        type = "event",
        name = "handoff.status",
        id,
        value = new { state },
        channelId = "emulator",
        serviceUrl = _connector.ServiceUrl,
        from = new { id = "agent-hub" },
        recipient = new { id = "bot" },
        conversation = new { id = "conv-h" },
    };

    private void OnDesk(Func<HandoffDesk, Handoff, Task> act)
    {
        using var scope = _factory.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<HandoffDesk>();
        var handoff = scope.ServiceProvider.GetRequiredService<PingtangDb>().Handoffs.Single(h => h.State != HandoffState.Ended);
        act(desk, handoff).GetAwaiter().GetResult();
    }

    private async Task<T> QueryAsync<T>(Func<PingtangDb, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PingtangDb>());
    }
}
