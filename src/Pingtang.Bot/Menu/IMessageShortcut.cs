using Microsoft.Bot.Schema;

namespace Pingtang.Bot.Menu;

/// <summary>
/// A feature's claim on a message by what it carries rather than by its words — a shared location is one — wherever
/// the worker is: like a tap on the channel's menu, it leaves what they were in the middle of, since no question of
/// any dialog is answered by a location.
/// </summary>
public interface IMessageShortcut
{
    /// <summary>What to do with this message, or null when the message is not for this feature.</summary>
    MessageClaim? Match(IMessageActivity message);
}

/// <summary>
/// A claimed message: the dialog to start in place of whatever the worker was in (<see cref="Start"/>); or, for a
/// message that is the feature's but cannot be used (a location that is no place on Earth), what to tell the worker
/// (<see cref="Refusal"/>), who then stays where they were and is asked again what they were asked.
/// </summary>
public sealed record MessageClaim
{
    private MessageClaim(MenuShortcut? start, string? refusal) => (Start, Refusal) = (start, refusal);

    public MenuShortcut? Start { get; }

    public string? Refusal { get; }

    public static MessageClaim Begin(string dialogId, object? options) => new(new MenuShortcut(dialogId, options), null);

    public static MessageClaim Refuse(string text) => new(null, text);
}
