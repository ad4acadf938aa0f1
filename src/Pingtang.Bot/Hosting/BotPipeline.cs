using Microsoft.Bot.Builder;
using Pingtang.Bot.Channels.Addresses;

namespace Pingtang.Bot.Hosting;

public static class BotPipeline
{
    /// <summary>
    /// What every channel's adapter runs around a turn, in order: one turn per conversation at a time, then who is
    /// talking, then the worker's text cleaned; and the one handler for the unexpected.
    /// </summary>
    public static TAdapter UsePingtangPipeline<TAdapter>(this TAdapter adapter, IServiceProvider services)
        where TAdapter : BotAdapter
    {
        ArgumentNullException.ThrowIfNull(adapter);
        adapter.Use(services.GetRequiredService<ConversationTurnLock>());
        adapter.Use(services.GetRequiredService<AddressBook>());
        adapter.Use(new TypedTextCleaner());
        adapter.OnTurnError = services.GetRequiredService<TurnErrorHandler>().HandleAsync;
        return adapter;
    }
}

/// <summary>
/// The unexpected, handled once: log it with structure (no message text, which may hold personal data), apologise in
/// Chinese, and forget the conversation's dialog state so the next message starts cleanly at the menu.
/// </summary>
public sealed class TurnErrorHandler(ConversationState conversationState, ILogger<TurnErrorHandler> logger)
{
    public const string Apology = "抱歉，系统刚才出了点问题。请再发一次，或发送「菜单」重新开始。";

    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        logger.LogError(
            exception,
            "Turn failed on channel {ChannelId}, conversation {ConversationId}, activity type {ActivityType}",
            turnContext.Activity.ChannelId,
            turnContext.Activity.Conversation?.Id,
            turnContext.Activity.Type);
        try
        {
            await conversationState.DeleteAsync(turnContext);
            await turnContext.SendActivityAsync(Apology);
        }
        // A connector's timeout is a failure like any other; only the service stopping cancels for real.
        catch (Exception inner) when (inner is not OperationCanceledException || inner.InnerException is TimeoutException)
        {
            logger.LogError(inner, "Could not apologise on channel {ChannelId}", turnContext.Activity.ChannelId);
        }
    }
}
