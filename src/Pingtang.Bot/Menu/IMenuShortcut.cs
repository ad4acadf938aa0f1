namespace Pingtang.Bot.Menu;

/// <summary>
/// A feature's way in from the main menu without choosing a line: a message the feature understands starts its
/// dialog directly, e.g. 东莞 电工 starts a job search.
/// </summary>
public interface IMenuShortcut
{
    /// <summary>The dialog to start for this message and its options, or null when the message is not for this feature.</summary>
    MenuShortcut? Match(string normalizedText);
}

public sealed record MenuShortcut(string DialogId, object? Options);
