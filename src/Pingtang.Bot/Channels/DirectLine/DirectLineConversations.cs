using Microsoft.Bot.Schema;

namespace Pingtang.Bot.Channels.DirectLine;

/// <summary>
/// What happens when a client starts a conversation or posts to it: the bot hears of the start once, the client's
/// activity is stored (and so echoed to its streams, which Web Chat waits for), then the bot takes its turn.
/// </summary>
public sealed class DirectLineConversations(DirectLineStore store, DirectLineAdapter adapter, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<DirectLineConversations> logger)
{
    /// <summary>Starts the conversation if nobody has; true when this call did, and the bot was told.</summary>
    public async Task<bool> EnsureStartedAsync(DirectLineConversation conversation, string? locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);

        // Every post comes through here; only a conversation not yet started costs a write.
        if (conversation.StartedAt is not null || !await store.TryStartAsync(conversation.Id, cancellationToken))
        {
            return false;
        }

        var user = new ChannelAccount(conversation.UserId, conversation.UserName, RoleTypes.User);
        var update = new Activity(ActivityTypes.ConversationUpdate)
        {
            Id = DirectLineStore.NewId(),
            ChannelId = DirectLineAdapter.ChannelId,
            ServiceUrl = DirectLineAdapter.ServiceUrl,
            Conversation = new ConversationAccount(id: conversation.Id),
            From = user,
            Recipient = DirectLineAdapter.Bot,
            MembersAdded = [DirectLineAdapter.Bot, user],
            Timestamp = time.GetUtcNow(),
            Locale = locale is { Length: <= 32 } ? locale : null,
        };
        logger.LogInformation("Direct Line conversation {ConversationId} started", conversation.Id);
        await RunTurnAsync(update);
        return true;
    }

    /// <summary>
    /// Stores the client's activity, lets the bot answer, and returns the activity's id. A resend of an activity the
    /// client already posted (same client activity id) gets that activity's id and no second answer.
    /// </summary>
    public async Task<string> ReceiveAsync(DirectLineConversation conversation, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await EnsureStartedAsync(conversation, activity.Locale, cancellationToken);
        var (id, isNew) = await store.AppendFromClientAsync(conversation.Id, activity, InboundActivity.ClientActivityId(activity), cancellationToken);
        if (isNew)
        {
            await RunTurnAsync(activity);
        }

        return id;
    }

    /// <summary>
    /// Tells the worker, in the bot's name, why the service refused what they sent before the bot could see it (an
    /// upload's files): Web Chat shows only that sending failed. No turn runs, so the dialog stays where it was.
    /// </summary>
    public Task<string> NoticeAsync(DirectLineConversation conversation, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var notice = new Activity(ActivityTypes.Message)
        {
            ChannelId = DirectLineAdapter.ChannelId,
            Conversation = new ConversationAccount(id: conversation.Id),
            From = new ChannelAccount(DirectLineAdapter.Bot.Id, DirectLineAdapter.Bot.Name, RoleTypes.Bot),
            Recipient = new ChannelAccount(conversation.UserId, conversation.UserName, RoleTypes.User),
            Text = text,
            Timestamp = time.GetUtcNow(),
        };
        return store.AppendAsync(conversation.Id, notice, cancellationToken);
    }

    // The turn runs to its end even if the client hangs up: its activity is stored, so the answer must be too.
    // Only the service stopping cuts it short.
    private Task RunTurnAsync(Activity activity) => adapter.ProcessAsync(activity, lifetime.ApplicationStopping);
}
