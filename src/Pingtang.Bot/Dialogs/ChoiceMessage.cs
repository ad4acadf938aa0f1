using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Pingtang.Bot.Dialogs;

public static class ChoiceMessage
{
    /// <summary>
    /// Choices go into the text as a numbered list — which is all WeChat shows, and helps everyone answer with a
    /// digit — and also as suggested actions, which Web Chat shows as buttons.
    /// </summary>
    public static IMessageActivity Create(string text, IReadOnlyList<string> choices) =>
        Create(new PromptOptions { Text = text, Choices = choices });

    /// <summary>The question with its numbered choices, then its extra buttons, which the text must already explain.</summary>
    public static IMessageActivity Create(PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (text, choices) = (options.Text, options.Choices);
        var message = MessageFactory.Text(choices.Count == 0
            ? text
            : $"{text}\n{string.Join('\n', choices.Select((choice, i) => $"{i + 1}. {choice}"))}");
        if (choices.Count + options.Buttons.Count > 0)
        {
            message.SuggestedActions = new SuggestedActions
            {
                Actions = choices.Concat(options.Buttons).Select(c => new CardAction(ActionTypes.ImBack, c, value: c)).ToList(),
            };
        }

        return message;
    }
}
