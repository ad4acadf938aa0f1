using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Hosting.State;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Profile;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Dialogs;

public sealed class DialogBotTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero));
    private readonly PingtangFactory _factory;

    public DialogBotTests() =>
        _factory = new PingtangFactory(new Dictionary<string, string?> { ["Dialogs:IdleMinutes"] = "30" }, _clock);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Conversation_idle_past_the_limit_restarts_politely_at_the_menu()
    {
        await Conversation.Start(_factory)
            .Send("我的信息").Expect(ProfileTexts.Intro).Expect(ProfileTexts.AskName)
            .Then(() => _clock.Advance(TimeSpan.FromMinutes(31)))
            .Send("老王").Expect(MenuTexts.Idle, "1. 岗位查询")
            .Send("5").Expect(ProfileTexts.Intro)
            .StartTestAsync();
    }

    [Fact]
    public async Task Conversation_idle_within_the_limit_carries_on()
    {
        await Conversation.Start(_factory)
            .Send("我的信息").Expect(ProfileTexts.Intro).Expect(ProfileTexts.AskName)
            .Then(() => _clock.Advance(TimeSpan.FromMinutes(29)))
            .Send("老王").Expect(ProfileTexts.AskMobile)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("""{"Pingtang.DialogStack":{"Version":1,"Frames":[{"DialogId":"a-dialog-that-was-removed","Data":{}}]}}""")]
    [InlineData("""{"Pingtang.DialogStack":{"Version":1,"Frames":[{"DialogId":"profile","Data":{"Step":"not-a-number"}},{"DialogId":"prompt.confirm","Data":{"Options":{"Text":"对吗？"}}}]}}""")]
    [InlineData("""{"Pingtang.DialogStack":{"Version":0,"Frames":[]}}""")]
    [InlineData("""{"Pingtang.DialogStack":"garbage"}""")]
    public async Task Saved_state_this_version_cannot_read_restarts_at_the_menu_without_an_error(string saved)
    {
        var conversation = TestAdapter.CreateConversation("old-conversation", "worker-9", "bot");
        await using (var db = await _factory.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync())
        {
            db.Add(new StoredState { Key = $"test/conversations/{conversation.Conversation.Id}", Json = saved, ETag = "1" });
            await db.SaveChangesAsync();
        }

        var adapter = new TestAdapter(conversation).UsePingtangPipeline(_factory.Services);
        await new TestFlow(adapter, _factory.Services.GetRequiredService<IBot>().OnTurnAsync)
            .Send("是").Expect(MenuTexts.Restarted, "1. 岗位查询")
            .Send("5").Expect(ProfileTexts.Intro)
            .StartTestAsync();
    }

    [Fact]
    public async Task New_member_joining_is_welcomed_with_the_menu()
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation("join", "worker-4", "bot")).UsePingtangPipeline(_factory.Services);
        var update = new Activity(ActivityTypes.ConversationUpdate)
        {
            MembersAdded = [new ChannelAccount("worker-4"), new ChannelAccount("bot")],
        };

        await new TestFlow(adapter, _factory.Services.GetRequiredService<IBot>().OnTurnAsync)
            .Send(update).Expect(MenuTexts.Welcome, "5. 我的信息")
            .StartTestAsync();
    }
}
