using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Dialogs.Recognizers;

namespace Pingtang.Bot.Jobs;

/// <summary>The lowest pay a worker accepts.</summary>
/// <param name="Monthly">Per month, a daily wage counted as a month of work; null for 不限.</param>
public sealed record MinimumPay(int? Monthly);

/// <summary>One of the pay choices by number or words, or an amount typed as people say it (5500, 六千, 200一天).</summary>
public sealed class PayPrompt(string id) : Prompt<MinimumPay>(id)
{
    protected override Recognition<MinimumPay> Recognize(DialogContext dc, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(options);
        if (ChoiceRecognizer.Recognize(dc.Text, options.Choices) is { } index)
        {
            return Recognition<MinimumPay>.Accept(new(JobTexts.PayChoices[index].Pay));
        }

        return JobQueryReader.ReadPay(dc.Text) is { } pay
            ? Recognition<MinimumPay>.Accept(new(pay))
            : Recognition<MinimumPay>.Reject(JobTexts.NeedPay);
    }
}
