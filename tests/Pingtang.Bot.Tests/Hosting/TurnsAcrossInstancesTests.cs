using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Hosting;

/// <summary>
/// Two instances on one PostgreSQL database, and a worker whose two messages reach one each (a load balancer without
/// sticky sessions): the second waits for the first, as it would on one instance.
/// </summary>
public sealed class TurnsAcrossInstancesTests : IDisposable
{
    private readonly OneDatabase _database = new();
    private readonly TaskCompletionSource _stuckTurnEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stuckTurnMayEnd = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose()
    {
        _stuckTurnMayEnd.TrySetResult();
        _database.Dispose();
    }

    [PostgresFact]
    public async Task A_message_reaching_another_instance_waits_for_the_turn_still_running_on_the_first()
    {
        var (first, second) = (Instance(), Instance());
        var atFirst = Adapter(first);
        var atSecond = Adapter(second);

        var stuck = atFirst.ProcessActivityAsync(atFirst.MakeActivity("卡住"), StuckOrBot(first));
        await _stuckTurnEntered.Task;
        await atSecond.ProcessActivityAsync(atSecond.MakeActivity("帮助"), StuckOrBot(second));

        Assert.Equal(DialogTexts.StillWorking, ((IMessageActivity)atSecond.GetNextReply()).Text);
        _stuckTurnMayEnd.SetResult();
        await stuck;
        await atSecond.ProcessActivityAsync(atSecond.MakeActivity("帮助"), StuckOrBot(second));
        Assert.Contains("「退订」", ((IMessageActivity)atSecond.GetNextReply()).Text, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Messages_of_different_conversations_do_not_wait_for_each_other()
    {
        var (first, second) = (Instance(), Instance());
        var atFirst = Adapter(first);
        var other = new TestAdapter(TestAdapter.CreateConversation("other", "worker-8", "bot")).UsePingtangPipeline(second.Services);

        var stuck = atFirst.ProcessActivityAsync(atFirst.MakeActivity("卡住"), StuckOrBot(first));
        await _stuckTurnEntered.Task;
        await other.ProcessActivityAsync(other.MakeActivity("帮助"), StuckOrBot(second));

        Assert.Contains("「退订」", ((IMessageActivity)other.GetNextReply()).Text, StringComparison.Ordinal);
        _stuckTurnMayEnd.SetResult();
        await stuck;
    }

    [PostgresFact]
    public async Task A_message_that_waited_behind_one_on_this_instance_does_not_wait_the_whole_bound_again_for_the_other_instance()
    {
        var turnWait = TimeSpan.FromSeconds(4);
        var (first, second) = (Instance(turnWait), Instance(turnWait));
        var atFirst = Adapter(first);
        var atSecond = Adapter(second);
        var stuck = atFirst.ProcessActivityAsync(atFirst.MakeActivity("卡住"), StuckOrBot(first));
        await _stuckTurnEntered.Task;

        // The earlier message gives up at 1 bound, and the later one, which waited behind it, must give up at 1.6
        // bounds, its own bound: the stuck turn ends at 1.8 bounds, and a later message that waited a whole bound
        // again for the other instance (until 2 bounds) would then run instead of being told to send again.
        var earlier = atSecond.ProcessActivityAsync(atSecond.MakeActivity("帮助"), StuckOrBot(second));
        await Task.Delay(turnWait * 0.6);
        var later = atSecond.ProcessActivityAsync(atSecond.MakeActivity("帮助"), StuckOrBot(second));
        await earlier;
        await Task.Delay(turnWait * 0.8);
        _stuckTurnMayEnd.SetResult();
        await Task.WhenAll(later, stuck);

        Assert.Equal(DialogTexts.StillWorking, ((IMessageActivity)atSecond.GetNextReply()).Text);
        Assert.Equal(DialogTexts.StillWorking, ((IMessageActivity)atSecond.GetNextReply()).Text);
    }

    private PingtangFactory Instance(TimeSpan? turnWait = null) =>
        _database.Instance(settings => new PingtangFactory(settings), new Dictionary<string, string?> { [ConversationTurnLock.TurnWaitKey] = $"{(turnWait ?? TimeSpan.FromSeconds(1)).TotalSeconds}" });

    /// <summary>The same conversation, whichever instance it reaches.</summary>
    private static TestAdapter Adapter(PingtangFactory instance) =>
        new TestAdapter(TestAdapter.CreateConversation("slow", "worker-3", "bot")).UsePingtangPipeline(instance.Services);

    private BotCallbackHandler StuckOrBot(PingtangFactory instance)
    {
        var bot = instance.Services.GetRequiredService<IBot>();
        return async (turnContext, cancellationToken) =>
        {
            if (turnContext.Activity.Text == "卡住")
            {
                _stuckTurnEntered.TrySetResult();
                await _stuckTurnMayEnd.Task;
                return;
            }

            await bot.OnTurnAsync(turnContext, cancellationToken);
        };
    }
}
