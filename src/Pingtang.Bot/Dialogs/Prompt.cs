using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Pingtang.Bot.Dialogs;

/// <summary>What a prompt asks. Saved with the stack, so it can ask again on a later turn.</summary>
public sealed record PromptOptions
{
    public required string Text { get; init; }

    /// <summary>The numbered options of a choice prompt.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Shortcut answers shown as buttons only, for a question whose text already lists what to reply.</summary>
    public IReadOnlyList<string> Buttons { get; init; } = [];
}

/// <summary>A prompt's reading of one answer: the value, or why it was not accepted.</summary>
public readonly record struct Recognition<T>(bool Succeeded, T Value, string? Problem)
{
    public static Recognition<T> Accept(T value) => new(true, value, null);

    public static Recognition<T> Reject(string problem) => new(false, default!, problem);
}

/// <summary>
/// Asks one question and ends with the typed answer. A wrong answer gets the reason and the question again; after
/// <see cref="MaxAttempts"/> wrong answers the prompt gives up politely and the conversation returns to the menu,
/// so nobody is stuck in a loop.
/// </summary>
public abstract class Prompt<T>(string id, Func<T, DialogContext, string?>? validate = null) : Dialog(id)
{
    public const int MaxAttempts = 3;

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.State<PromptState>();
        state.Options = options as PromptOptions ?? throw new ArgumentException("A prompt needs PromptOptions.", nameof(options));
        await dc.SendAsync(ChoiceMessage.Create(state.Options), cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return DialogTurnResult.Waiting;
        }

        var state = dc.State<PromptState>();
        var options = state.Options ?? throw new UnreadableDialogStateException(Id);
        if (!TakesFiles && Voice.IsUnheard(dc.Context.Activity))
        {
            await dc.SendAsync(ChoiceMessage.Create(options with { Text = $"{DialogTexts.VoiceNotUnderstood}\n{options.Text}" }), cancellationToken);
            return DialogTurnResult.Waiting;
        }

        var recognition = Recognize(dc, options);
        var problem = recognition.Succeeded ? validate?.Invoke(recognition.Value, dc) : recognition.Problem;
        if (problem is null)
        {
            return await dc.EndAsync(recognition.Value, cancellationToken);
        }

        if (++state.Attempts >= MaxAttempts)
        {
            await dc.SendAsync(DialogTexts.GaveUp, cancellationToken);
            return dc.CancelAll();
        }

        await dc.SendAsync(ChoiceMessage.Create(options with { Text = $"{problem}\n{options.Text}" }), cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var options = dc.State<PromptState>().Options;
        if (options is not null)
        {
            await dc.SendAsync(ChoiceMessage.Create(options), cancellationToken);
        }
    }

    /// <summary>Whether photos and files (a voice recording among them) answer this prompt.</summary>
    protected virtual bool TakesFiles => false;

    protected abstract Recognition<T> Recognize(DialogContext dc, PromptOptions options);
}

/// <summary>A prompt's saved state: what it asked and how many wrong answers it has had.</summary>
public sealed class PromptState
{
    public PromptOptions? Options { get; set; }

    public int Attempts { get; set; }
}
