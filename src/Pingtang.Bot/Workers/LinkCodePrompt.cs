using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Dialogs.Recognizers;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Workers;

/// <summary>An answer to a linking code: its six digits, or null for 不是我.</summary>
public sealed record LinkCodeAnswer(string? Code);

/// <summary>
/// The six digits of a linking code however they come — spaced, full-width, or in Chinese digits as a voice message's
/// text has them — or any no (不是我, 不是, 否) for 不是我. Whether the code is right is the domain's to say.
/// </summary>
public sealed class LinkCodePrompt(string id) : Prompt<LinkCodeAnswer>(id)
{
    protected override Recognition<LinkCodeAnswer> Recognize(DialogContext dc, PromptOptions options)
    {
        var digits = dc.Text.Where(c => c is not (' ' or '-')).Select(ChineseNumber.DigitValue).ToList();
        if (digits.Count == WorkerLink.CodeLength && digits.TrueForAll(d => d >= 0))
        {
            return Recognition<LinkCodeAnswer>.Accept(new(string.Concat(digits)));
        }

        return ConfirmRecognizer.Recognize(dc.Text) == false
            ? Recognition<LinkCodeAnswer>.Accept(new(null))
            : Recognition<LinkCodeAnswer>.Reject(WorkersTexts.NeedCode);
    }
}
