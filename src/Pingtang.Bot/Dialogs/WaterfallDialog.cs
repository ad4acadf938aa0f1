namespace Pingtang.Bot.Dialogs;

public delegate Task<DialogTurnResult> WaterfallStep<TState>(WaterfallStepContext<TState> step, CancellationToken cancellationToken)
    where TState : class, new();

/// <summary>
/// A dialog of steps run in order, each usually ending by prompting; the prompt's answer arrives as the next
/// step's <see cref="WaterfallStepContext{TState}.Answer"/>. <typeparamref name="TState"/> is the flow's own typed
/// state, saved with the stack between turns.
/// </summary>
public class WaterfallDialog<TState>(string id, params WaterfallStep<TState>[] steps) : Dialog(id)
    where TState : class, new()
{
    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        dc.ActiveFrame!.SetState(new WaterfallState<TState> { Flow = options as TState ?? new TState() });
        return RunStepAsync(dc, 0, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        Task.FromResult(DialogTurnResult.Waiting);

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return RunStepAsync(dc, dc.State<WaterfallState<TState>>().Step + 1, result, cancellationToken);
    }

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, object? result, CancellationToken cancellationToken)
    {
        if (index >= steps.Length)
        {
            return await dc.EndAsync(result, cancellationToken);
        }

        var state = dc.State<WaterfallState<TState>>();
        state.Step = index;
        return await steps[index](new WaterfallStepContext<TState>(this, dc, state.Flow, result), cancellationToken);
    }

    internal int IndexOf(WaterfallStep<TState> step)
    {
        var index = Array.IndexOf(steps, step);
        return index >= 0 ? index : throw new ArgumentException($"The step is not part of dialog '{Id}'.", nameof(step));
    }
}

/// <summary>What a waterfall saves: where it is, and the flow's own state.</summary>
public sealed class WaterfallState<TState>
    where TState : class, new()
{
    public int Step { get; set; }

    public TState Flow { get; set; } = new();
}

/// <summary>What a waterfall step works with: the flow's state, the previous step's result, and where to go next.</summary>
public sealed class WaterfallStepContext<TState>
    where TState : class, new()
{
    private readonly WaterfallDialog<TState> _dialog;

    internal WaterfallStepContext(WaterfallDialog<TState> dialog, DialogContext dc, TState state, object? answer)
    {
        _dialog = dialog;
        Dialog = dc;
        State = state;
        Answer = answer;
    }

    public DialogContext Dialog { get; }

    public TState State { get; }

    /// <summary>The answer of the prompt (or child dialog) the previous step began, or what it passed on.</summary>
    public object? Answer { get; }

    public Task<DialogTurnResult> NextAsync(object? result, CancellationToken cancellationToken) =>
        _dialog.RunStepAsync(Dialog, Dialog.State<WaterfallState<TState>>().Step + 1, result, cancellationToken);

    /// <summary>Runs <paramref name="step"/> next, e.g. to ask the next of several fields with the same steps.</summary>
    public Task<DialogTurnResult> GoToAsync(WaterfallStep<TState> step, object? result, CancellationToken cancellationToken) =>
        _dialog.RunStepAsync(Dialog, _dialog.IndexOf(step), result, cancellationToken);

    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken cancellationToken) =>
        Dialog.BeginAsync(promptId, options, cancellationToken);

    public Task<DialogTurnResult> EndAsync(object? result, CancellationToken cancellationToken) =>
        Dialog.EndAsync(result, cancellationToken);
}
