using Microsoft.Bot.Schema;

namespace Pingtang.Bot.Dialogs;

/// <summary>
/// A voice message whose words were not recognised (WeChat's recognition is often empty) reaches the bot as its
/// recording alone: what only a file prompt can take, and a question wanting words must not count as a wrong answer.
/// </summary>
public static class Voice
{
    public static bool IsUnheard(IActivity activity) =>
        activity is IMessageActivity { Attachments.Count: > 0 } message
        && string.IsNullOrWhiteSpace(message.Text)
        && message.Attachments.All(a => a.ContentType?.StartsWith("audio/", StringComparison.Ordinal) == true);
}
