namespace Pingtang.Bot.Dialogs;

public enum DialogTurnStatus
{
    /// <summary>The active dialog waits for the user's next message.</summary>
    Waiting,

    /// <summary>The stack is empty: the last dialog ended.</summary>
    Complete,

    /// <summary>The stack was emptied without finishing (取消, 菜单, or too many wrong answers).</summary>
    Cancelled,
}

public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    public static readonly DialogTurnResult Waiting = new(DialogTurnStatus.Waiting);
}

/// <summary>
/// A step of a conversation that can span turns. Modelled on Bot Builder's dialogs: begun with options, continued
/// with each message while it is on top of the stack, resumed with the result of a child dialog it began.
/// </summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndAsync(null, cancellationToken);
    }

    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndAsync(result, cancellationToken);
    }

    /// <summary>Asks again for what the dialog is waiting for, e.g. after 帮助.</summary>
    public virtual Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken) => Task.CompletedTask;
}
