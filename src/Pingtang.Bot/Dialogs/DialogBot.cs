using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace Pingtang.Bot.Dialogs;

/// <summary>
/// The bot every channel ends in. It loads the conversation's dialog stack, lets the root handle the turn, and saves
/// the stack. A channel's retry of a message is answered once; an idle or unreadable conversation restarts at the menu.
/// </summary>
public sealed class DialogBot(
    ConversationState conversationState,
    DialogSet dialogs,
    IConversationRoot root,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    TimeProvider time) : IBot
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
        await conversationState.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
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
