using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Pingtang.Bot.Hosting.State;

namespace Pingtang.Bot.Dialogs;

/// <summary>
/// The bot every channel ends in. It loads the conversation's dialog stack, lets the root handle the turn, and saves
/// the stack. A channel's retry of a message is answered once; an idle or unreadable conversation restarts at the menu.
/// </summary>
/// <remarks>
/// A save that loses to another turn's (an ETag conflict: in this process <see cref="Hosting.ConversationTurnLock"/>
/// runs a conversation's turns one at a time, so the other turn ran on another instance) keeps the other turn's state,
/// the newer one, and is not run again on it: this turn's replies have gone out and its domain changes are committed,
/// and running the message again could do them twice — a second enrolment, a second complaint — or take it as the
/// answer to a question the worker has not seen. The worker is told, and asked again what the saved state waits for.
/// </remarks>
public sealed class DialogBot(
    ConversationState conversationState,
    DialogSet dialogs,
    IConversationRoot root,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<DialogBot> logger) : IBot
{
    private const int RememberedActivityIds = 20;

    private readonly IStatePropertyAccessor<DialogStack> _stack = conversationState.CreateProperty<DialogStack>(DialogStack.StateKey);
    private readonly TimeSpan _idle = TimeSpan.FromMinutes(configuration.GetValue("Dialogs:IdleMinutes", 30));

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate))
        {
            return;
        }

        var (stack, readable) = await LoadAsync(turnContext, cancellationToken);
        if (activity.Type == ActivityTypes.Message && IsRepeat(stack, activity))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var dc = new DialogContext(turnContext, dialogs, stack, scope.ServiceProvider);
        var now = time.GetUtcNow();
        try
        {
            if (!readable)
            {
                await root.RestartAsync(dc, RestartReason.UnreadableState, cancellationToken);
            }
            else if (activity.Type == ActivityTypes.ConversationUpdate)
            {
                if (IsNewMember(activity) && stack.Frames.Count == 0)
                {
                    await root.RestartAsync(dc, RestartReason.Welcome, cancellationToken);
                }
            }
            else if (stack.Frames.Count > 0 && now - stack.LastTurnAt > _idle)
            {
                stack.Frames.Clear();
                await root.RestartAsync(dc, RestartReason.Idle, cancellationToken);
            }
            else
            {
                await root.OnMessageAsync(dc, cancellationToken);
            }
        }
        catch (UnreadableDialogStateException)
        {
            stack.Frames.Clear();
            await root.RestartAsync(dc, RestartReason.UnreadableState, cancellationToken);
        }

        stack.LastTurnAt = now;
        stack.Flush();
        await _stack.SetAsync(turnContext, stack, cancellationToken);
        try
        {
            await conversationState.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
        }
        catch (StorageETagConflictException)
        {
            await GoOnFromTheOtherTurnAsync(turnContext, cancellationToken);
        }
    }

    private async Task GoOnFromTheOtherTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        logger.LogWarning(
            "Another turn of conversation {ConversationId} on {ChannelId} saved first; its state is kept and this turn's dropped",
            turnContext.Activity.Conversation?.Id,
            turnContext.Activity.ChannelId);
        await conversationState.LoadAsync(turnContext, force: true, cancellationToken);
        var (stack, readable) = await LoadAsync(turnContext, cancellationToken);
        await turnContext.SendActivityAsync(DialogTexts.HandledTogether, cancellationToken: cancellationToken);
        if (readable)
        {
            await using var scope = scopes.CreateAsyncScope();
            await new DialogContext(turnContext, dialogs, stack, scope.ServiceProvider).RepromptAsync(cancellationToken);
        }
    }

    private async Task<(DialogStack Stack, bool Readable)> LoadAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            var stack = await _stack.GetAsync(turnContext, () => new DialogStack(), cancellationToken);
            if (stack.Version == DialogStack.CurrentVersion)
            {
                return (stack, true);
            }
        }
        catch (JsonException)
        {
            // Saved by an older version of the code in a shape this one cannot read: start afresh below.
        }

        var fresh = new DialogStack();
        await _stack.SetAsync(turnContext, fresh, cancellationToken);
        return (fresh, false);
    }

    private static bool IsRepeat(DialogStack stack, IActivity activity)
    {
        var id = activity.Id;
        if (string.IsNullOrEmpty(id))
        {
            return false;
        }

        if (stack.RecentActivityIds.Contains(id))
        {
            return true;
        }

        stack.RecentActivityIds.Add(id);
        if (stack.RecentActivityIds.Count > RememberedActivityIds)
        {
            stack.RecentActivityIds.RemoveAt(0);
        }

        return false;
    }

    private static bool IsNewMember(IConversationUpdateActivity update) =>
        update.MembersAdded?.Any(m => m.Id != update.Recipient?.Id) == true;
}
