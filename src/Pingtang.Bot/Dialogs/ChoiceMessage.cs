using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Pingtang.Bot.Dialogs;

public static class ChoiceMessage
{
    /// <summary>
    /// Choices go into the text as a numbered list — which is all WeChat shows, and helps everyone answer with a
    /// digit — and also as suggested actions, which Web Chat shows as buttons.
    /// </summary>
    public static IMessageActivity Create(string text, IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Count == 0)
        {
            return MessageFactory.Text(text);
        }

        var numbered = string.Join('\n', choices.Select((choice, i) => $"{i + 1}. {choice}"));
        var message = MessageFactory.Text($"{text}\n{numbered}");
        message.SuggestedActions = new SuggestedActions
        {
            Actions = choices.Select(c => new CardAction(ActionTypes.ImBack, c, value: c)).ToList(),
        };
        return message;
    }
}
