namespace Pingtang.Bot.Menu;

/// <summary>
/// A feature's way in from the main menu without choosing a line: a message the feature understands starts its
/// dialog directly, e.g. 东莞 电工 starts a job search.
/// </summary>
public interface IMenuShortcut
{
    /// <summary>The dialog to start for this message and its options, or null when the message is not for this feature.</summary>
    MenuShortcut? Match(string normalizedText);

    /// <summary>
    /// Shortcuts of higher priority are asked first, whatever order features were added in: a message about owed
    /// wages that names a city must reach 劳动维权 before the job search reads the city as a search.
    /// </summary>
    int Priority => 0;
}

public sealed record MenuShortcut(string DialogId, object? Options);
