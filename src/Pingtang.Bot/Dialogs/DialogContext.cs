using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Pingtang.Bot.Channels.Addresses;

namespace Pingtang.Bot.Dialogs;

/// <summary>The dialog stack of one conversation during one turn, and the operations on it.</summary>
public sealed class DialogContext(ITurnContext context, DialogSet dialogs, DialogStack stack, IServiceProvider services)
{
    private string? _text;

    public ITurnContext Context { get; } = context;

    public DialogStack Stack { get; } = stack;

    /// <summary>The turn's scoped services (domain services, DbContext).</summary>
    public IServiceProvider Services { get; } = services;

    public DialogFrame? ActiveFrame => Stack.Frames.Count == 0 ? null : Stack.Frames[^1];

    /// <summary>The worker behind this conversation; every channel's pipeline resolves it before dialogs run.</summary>
    public int WorkerId => Context.TurnState.Get<CurrentWorker>()?.Id
        ?? throw new InvalidOperationException("The turn has no worker: the adapter does not run the Pingtang pipeline.");

    /// <summary>The normalized text of the user's message ("" for non-text activities), read once per turn.</summary>
    public string Text => _text ??= Recognizers.TextNormalizer.Normalize(Context.Activity.Type == ActivityTypes.Message ? Context.Activity.Text : null);

    public T State<T>()
        where T : class, new() => (ActiveFrame ?? throw new InvalidOperationException("No active dialog.")).GetState<T>();

    public async Task<DialogTurnResult> BeginAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        var dialog = dialogs.Find(dialogId);
        Stack.Frames.Add(new DialogFrame { DialogId = dialogId });
        return await dialog.BeginAsync(this, options, cancellationToken);
    }

    public async Task<DialogTurnResult> ContinueAsync(CancellationToken cancellationToken)
    {
        var frame = ActiveFrame;
        return frame is null
            ? new DialogTurnResult(DialogTurnStatus.Complete)
            : await dialogs.Find(frame.DialogId).ContinueAsync(this, cancellationToken);
    }

    /// <summary>Ends the active dialog and hands its result to the one below, or completes the stack.</summary>
    public async Task<DialogTurnResult> EndAsync(object? result, CancellationToken cancellationToken)
    {
        if (Stack.Frames.Count > 0)
        {
            Stack.Frames.RemoveAt(Stack.Frames.Count - 1);
        }

        var parent = ActiveFrame;
        return parent is null
            ? new DialogTurnResult(DialogTurnStatus.Complete, result)
            : await dialogs.Find(parent.DialogId).ResumeAsync(this, result, cancellationToken);
    }

    /// <summary>Swaps the active dialog for another, e.g. to loop or to move on to a related flow.</summary>
    public async Task<DialogTurnResult> ReplaceAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        if (Stack.Frames.Count > 0)
        {
            Stack.Frames.RemoveAt(Stack.Frames.Count - 1);
        }

        return await BeginAsync(dialogId, options, cancellationToken);
    }

    public DialogTurnResult CancelAll()
    {
        Stack.Frames.Clear();
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    public async Task RepromptAsync(CancellationToken cancellationToken)
    {
        if (ActiveFrame is { } frame)
        {
            await dialogs.Find(frame.DialogId).RepromptAsync(this, cancellationToken);
        }
    }

    public Task SendAsync(string text, CancellationToken cancellationToken) =>
        Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    public Task SendAsync(IActivity activity, CancellationToken cancellationToken) =>
        Context.SendActivityAsync(activity, cancellationToken);
}
