using Microsoft.Bot.Schema;

namespace Pingtang.Bot.Menu;

/// <summary>
/// A feature's claim on a message by what it carries rather than by its words — a shared location is one — wherever
/// the worker is: like a tap on the channel's menu, it leaves what they were in the middle of, since no question of
/// any dialog is answered by a location.
/// </summary>
public interface IMessageShortcut
{
    /// <summary>The dialog to start for this message and its options, or null when the message is not for this feature.</summary>
    MenuShortcut? Match(IMessageActivity message);
}
