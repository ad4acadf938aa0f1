using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Hosting;

public sealed class ConversationTurnLockTests : IDisposable
{
    private static readonly TimeSpan TurnWait = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
    private readonly PingtangFactory _factory;
    private readonly TestAdapter _adapter;
    private readonly TaskCompletionSource _stuckTurnEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stuckTurnMayEnd = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConversationTurnLockTests()
    {
        _factory = new PingtangFactory(new Dictionary<string, string?> { [ConversationTurnLock.TurnWaitKey] = $"{TurnWait.TotalSeconds}" }, _clock);
        _adapter = new TestAdapter(TestAdapter.CreateConversation("slow", "worker-3", "bot")).UsePingtangPipeline(_factory.Services);
    }

    public void Dispose()
    {
        _stuckTurnMayEnd.TrySetResult();
        _factory.Dispose();
    }

    private ConversationTurnLock Lock => _factory.Services.GetRequiredService<ConversationTurnLock>();

    [Fact]
    public async Task A_message_behind_a_turn_that_does_not_end_is_answered_after_the_bound_and_the_lock_is_let_go()
    {
        var stuck = _adapter.ProcessActivityAsync(_adapter.MakeActivity("卡住"), BotThatGetsStuckOn("卡住"));
        await _stuckTurnEntered.Task;

        var waiting = _adapter.ProcessActivityAsync(_adapter.MakeActivity("帮助"), BotThatGetsStuckOn("卡住"));
        _clock.Advance(TurnWait - TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted);
        Assert.Empty(_adapter.ActiveQueue);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await waiting;
        Assert.Equal(DialogTexts.StillWorking, ((IMessageActivity)_adapter.GetNextReply()).Text);
        Assert.Empty(_adapter.ActiveQueue);

        _stuckTurnMayEnd.SetResult();
        await stuck;
        Assert.Equal(0, Lock.ConversationsInUse);
        await _adapter.ProcessActivityAsync(_adapter.MakeActivity("帮助"), BotThatGetsStuckOn("卡住"));
        Assert.Contains("「退订」", ((IMessageActivity)_adapter.GetNextReply()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proactive_turn_behind_a_turn_that_does_not_end_is_not_run_and_says_nothing_to_the_worker()
    {
        var stuck = _adapter.ProcessActivityAsync(_adapter.MakeActivity("卡住"), BotThatGetsStuckOn("卡住"));
        await _stuckTurnEntered.Task;
        var ran = false;

        var proactive = _adapter.ContinueConversationAsync(
            "bot",
            _adapter.Conversation,
            (turnContext, ct) =>
            {
                ran = true;
                return turnContext.SendActivityAsync("明天上午9点开班。", cancellationToken: ct);
            },
            default);
        _clock.Advance(TurnWait);
        await proactive;

        Assert.False(ran);
        Assert.Empty(_adapter.ActiveQueue);
        _stuckTurnMayEnd.SetResult();
        await stuck;
        Assert.Equal(0, Lock.ConversationsInUse);
    }

    private BotCallbackHandler BotThatGetsStuckOn(string text)
    {
        var bot = _factory.Services.GetRequiredService<IBot>();
        return async (turnContext, cancellationToken) =>
        {
            if (turnContext.Activity.Text == text)
            {
                _stuckTurnEntered.TrySetResult();
                await _stuckTurnMayEnd.Task;
                return;
            }

            await bot.OnTurnAsync(turnContext, cancellationToken);
        };
    }
}
