using Microsoft.Bot.Schema;
using Pingtang.Bot.Dialogs.Recognizers;
using Pingtang.Domain;

namespace Pingtang.Bot.Dialogs;

/// <summary>Free text, trimmed, up to <paramref name="maxLength"/> characters.</summary>
public sealed class TextPrompt(string id, int maxLength, Func<string, DialogContext, string?>? validate = null)
    : Prompt<string>(id, validate)
{
    protected override Recognition<string> Recognize(DialogContext dc, PromptOptions options)
    {
        var text = dc.Text;
        return text.Length switch
        {
            0 => Recognition<string>.Reject(DialogTexts.NeedText),
            _ when text.Length > maxLength => Recognition<string>.Reject(DialogTexts.Format(DialogTexts.TooLong, maxLength)),
            _ => Recognition<string>.Accept(text),
        };
    }
}

/// <summary>One of the numbered choices; the answer is its 0-based index. 1, １, 一, 第一个 and its words all work.</summary>
public sealed class ChoicePrompt(string id) : Prompt<int>(id)
{
    protected override Recognition<int> Recognize(DialogContext dc, PromptOptions options) =>
        ChoiceRecognizer.Recognize(dc.Text, options.Choices) is { } index
            ? Recognition<int>.Accept(index)
            : Recognition<int>.Reject(DialogTexts.NeedChoice);
}

/// <summary>Several of the numbered choices, e.g. 「1 3」 or 「焊工、电工」; the answer is their indexes.</summary>
public sealed class MultiChoicePrompt(string id) : Prompt<IReadOnlyList<int>>(id)
{
    protected override Recognition<IReadOnlyList<int>> Recognize(DialogContext dc, PromptOptions options) =>
        ChoiceRecognizer.RecognizeMany(dc.Text, options.Choices) is { Count: > 0 } indexes
            ? Recognition<IReadOnlyList<int>>.Accept(indexes)
            : Recognition<IReadOnlyList<int>>.Reject(DialogTexts.NeedChoices);
}

/// <summary>A number as people type it: 6000, ６０００, 六千, 6千, 1.5万.</summary>
public sealed class NumberPrompt(string id, Func<decimal, DialogContext, string?>? validate = null)
    : Prompt<decimal>(id, validate)
{
    protected override Recognition<decimal> Recognize(DialogContext dc, PromptOptions options) =>
        ChineseNumber.TryParse(dc.Text, out var value)
            ? Recognition<decimal>.Accept(value)
            : Recognition<decimal>.Reject(DialogTexts.NeedNumber);
}

/// <summary>A day: 今天, 明天, 下周一, 2月15日… read against today's date in China.</summary>
public sealed class DatePrompt(string id, TimeProvider time, Func<DateOnly, DialogContext, string?>? validate = null)
    : Prompt<DateOnly>(id, validate)
{
    protected override Recognition<DateOnly> Recognize(DialogContext dc, PromptOptions options) =>
        ChineseDate.TryParse(dc.Text, ChinaTime.Today(time), out var date)
            ? Recognition<DateOnly>.Accept(date)
            : Recognition<DateOnly>.Reject(DialogTexts.NeedDate);
}

/// <summary>A mainland mobile number; the answer is its 11 digits.</summary>
public sealed class MobilePrompt(string id) : Prompt<string>(id)
{
    protected override Recognition<string> Recognize(DialogContext dc, PromptOptions options) =>
        MobileNumber.TryParse(dc.Text, out var mobile)
            ? Recognition<string>.Accept(mobile)
            : Recognition<string>.Reject(DialogTexts.NeedMobile);
}

/// <summary>Yes or no: 是/好/对/可以… or 否/不/不要…. Web Chat shows 是 and 否 as buttons.</summary>
public sealed class ConfirmPrompt(string id) : Prompt<bool>(id)
{
    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken) =>
        base.BeginAsync(dc, options is PromptOptions { Buttons.Count: 0 } question ? question with { Buttons = [DialogTexts.Yes, DialogTexts.No] } : options, cancellationToken);

    protected override Recognition<bool> Recognize(DialogContext dc, PromptOptions options) =>
        ConfirmRecognizer.Recognize(dc.Text) is { } answer
            ? Recognition<bool>.Accept(answer)
            : Recognition<bool>.Reject(DialogTexts.NeedConfirm);
}

/// <summary>A photo or file, e.g. of a pay slip; the answer is the message's attachments.</summary>
public sealed class AttachmentPrompt(string id) : Prompt<IReadOnlyList<Attachment>>(id)
{
    protected override bool TakesFiles => true;

    protected override Recognition<IReadOnlyList<Attachment>> Recognize(DialogContext dc, PromptOptions options) =>
        dc.Context.Activity.Attachments is { Count: > 0 } attachments
            ? Recognition<IReadOnlyList<Attachment>>.Accept(attachments.ToList())
            : Recognition<IReadOnlyList<Attachment>>.Reject(DialogTexts.NeedAttachment);
}
