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

    private PingtangFactory Instance() =>
        _database.Instance(settings => new PingtangFactory(settings), new Dictionary<string, string?> { [ConversationTurnLock.TurnWaitKey] = "1" });

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
