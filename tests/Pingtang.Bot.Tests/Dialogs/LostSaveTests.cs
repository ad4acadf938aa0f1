using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Hosting.State;
using Pingtang.Bot.Profile;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Dialogs;

/// <summary>
/// Two instances of the service on one database, as behind a load balancer: a turn of a conversation runs on one
/// while the other saves a turn of the same conversation, so the first one's save loses on the ETag.
/// </summary>
public sealed class LostSaveTests : IDisposable
{
    private readonly LogRecorder _log = new();
    private readonly PingtangFactory _one;
    private readonly PingtangFactory _other;
    private readonly ConversationReference _conversation = TestAdapter.CreateConversation("shared", "worker-5", "bot");

    public LostSaveTests()
    {
        _one = new PingtangFactory(services: s => s.AddSingleton<ILoggerProvider>(_log)) { KeepData = true };
        _ = _one.Services;
        _other = new PingtangFactory(dataFolder: _one.DataFolder);
    }

    public void Dispose()
    {
        _other.Dispose();
        _one.KeepData = false;
        _one.Dispose();
    }

    [Fact]
    public async Task A_save_that_loses_to_another_instance_keeps_its_state_and_asks_again_what_that_state_waits_for()
    {
        var one = Adapter(_one);
        var other = Adapter(_other);
        // TestAdapter numbers the activities it is given from 0, whatever their id: keep the two adapters' apart.
        for (var i = 0; i < 10; i++)
        {
            await one.ProcessActivityAsync(new Activity(ActivityTypes.Typing), Bot(_one).OnTurnAsync);
        }

        await other.ProcessActivityAsync(other.MakeActivity("5"), Bot(_other).OnTurnAsync);
        Assert.Equal([ProfileTexts.Intro, ProfileTexts.AskName], Replies(other));

        var state = _one.Services.GetRequiredService<ConversationState>();
        await one.ProcessActivityAsync(one.MakeActivity("李姐"), async (turnContext, ct) =>
        {
            // This turn has read the conversation when the other instance answers the worker's other message.
            await state.LoadAsync(turnContext, cancellationToken: ct);
            await other.ProcessActivityAsync(other.MakeActivity("王师傅"), Bot(_other).OnTurnAsync, ct);
            await Bot(_one).OnTurnAsync(turnContext, ct);
        });

        Assert.Equal([ProfileTexts.AskMobile], Replies(other));
        Assert.Equal([ProfileTexts.AskMobile, DialogTexts.HandledTogether, ProfileTexts.AskMobile], Replies(one));
        Assert.DoesNotContain(_log.AtLeast(LogLevel.Error), e => true);
        await using (var db = await _one.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync())
        {
            Assert.Single(db.Set<StoredState>(), s => s.Key.Contains("/conversations/shared", StringComparison.Ordinal));
        }

        await new TestFlow(one, Bot(_one).OnTurnAsync)
            .Send("13812345678").Expect(ProfileTexts.AskBirthYear)
            .Send("1978").Expect(ProfileTexts.AskTownship)
            .Send("3").Expect(ProfileTexts.AskCity)
            .Send("东莞").Expect(ProfileTexts.AskTrades)
            .Send("2").Expect(ProfileTexts.AskReminders)
            .Send("是").Expect("称呼：王师傅", "手机号：13812345678")
            .StartTestAsync();
    }

    private static IBot Bot(PingtangFactory host) => host.Services.GetRequiredService<IBot>();

    private static List<string> Replies(TestAdapter adapter)
    {
        var texts = new List<string>();
        while (adapter.GetNextReply() is IMessageActivity reply)
        {
            texts.Add(reply.Text);
        }

        return texts;
    }

    private TestAdapter Adapter(PingtangFactory host) => new TestAdapter(_conversation).UsePingtangPipeline(host.Services);
}
