using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Handoffs;

namespace Pingtang.Bot.Hosting;

public static class BotPipeline
{
    /// <summary>
    /// What every channel's adapter runs around a turn, in order: its measurements, one turn per conversation at a time, then who is
    /// talking, then the worker's text cleaned, then whether a person holds the conversation (the bot is silent while
    /// one does); and the one handler for the unexpected.
    /// </summary>
    public static TAdapter UsePingtangPipeline<TAdapter>(this TAdapter adapter, IServiceProvider services)
        where TAdapter : BotAdapter
    {
        ArgumentNullException.ThrowIfNull(adapter);
        adapter.Use(services.GetRequiredService<TurnMetrics>());
        adapter.Use(services.GetRequiredService<ConversationTurnLock>());
        adapter.Use(services.GetRequiredService<AddressBook>());
        adapter.Use(new TypedTextCleaner());
        adapter.Use(services.GetRequiredService<HandoffGate>());
        adapter.OnTurnError = services.GetRequiredService<TurnErrorHandler>().HandleAsync;
        return adapter;
    }
}

/// <summary>
/// The unexpected, handled once: log it with structure (no message text, which may hold personal data) and apologise
/// in Chinese. The conversation's dialog state is forgotten only when the state itself failed — it could not be read
/// as this code's dialogs, or not be written as JSON — so that the next message starts cleanly at the menu. After any
/// other failure the saved state is still the one from before this turn (or a newer one another instance saved), and
/// the worker carries on from there: deleting it would lose their place, after the turn's domain changes may
/// already have been committed, for nothing.
/// </summary>
public sealed class TurnErrorHandler(ConversationState conversationState, TurnMetrics metrics, ILogger<TurnErrorHandler> logger)
{
    public const string Apology = "抱歉，系统刚才出了点问题。请再发一次，或发送「菜单」重新开始。";

    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (exception is ConversationBusyException)
        {
            // Nothing the worker sent was lost, so there is nothing to apologise for; the caller (a proactive send)
            // learns of it from its own callback not having run.
            logger.LogWarning(exception, "Turn not run on channel {ChannelId}, conversation {ConversationId}", turnContext.Activity.ChannelId, turnContext.Activity.Conversation?.Id);
            return;
        }

        metrics.Error(turnContext, exception);
        logger.LogError(
            exception,
            "Turn failed on channel {ChannelId}, conversation {ConversationId}, activity type {ActivityType}",
            turnContext.Activity.ChannelId,
            turnContext.Activity.Conversation?.Id,
            turnContext.Activity.Type);
        try
        {
            if (IsStateFailure(exception))
            {
                await conversationState.DeleteAsync(turnContext);
            }

            await turnContext.SendActivityAsync(Apology);
        }
        // A connector's timeout is a failure like any other; only the service stopping cancels for real.
        catch (Exception inner) when (inner is not OperationCanceledException || inner.InnerException is TimeoutException)
        {
            logger.LogError(inner, "Could not apologise on channel {ChannelId}", turnContext.Activity.ChannelId);
        }
    }

    // Reading JSON the storage holds fails as a JsonReaderException, which DialogBot turns into a restart itself.
    private static bool IsStateFailure(Exception exception) =>
        exception is UnreadableDialogStateException or JsonSerializationException
        || (exception.InnerException is { } inner && IsStateFailure(inner));
}
