namespace Pingtang.Bot.Dialogs;

/// <summary>Why the root starts a conversation over at the menu.</summary>
public enum RestartReason
{
    /// <summary>A new member joined the conversation.</summary>
    Welcome,

    /// <summary>The conversation was idle longer than <c>Dialogs:IdleMinutes</c>.</summary>
    Idle,

    /// <summary>The saved state could not be read by this version of the code.</summary>
    UnreadableState,
}

/// <summary>What runs at the bottom of every conversation: global words, the menu, and restarts.</summary>
public interface IConversationRoot
{
    Task RestartAsync(DialogContext dc, RestartReason reason, CancellationToken cancellationToken);

    Task OnMessageAsync(DialogContext dc, CancellationToken cancellationToken);
}
