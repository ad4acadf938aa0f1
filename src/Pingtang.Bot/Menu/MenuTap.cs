using Microsoft.Bot.Schema;

namespace Pingtang.Bot.Menu;

/// <summary>
/// A tap on a channel's own menu (WeChat's 自定义菜单): a message whose text is a main-menu line (its title or number)
/// or a global word, marked so that it starts that line whatever dialog the worker is in. Typed, the same words would
/// answer the question the dialog asked.
/// </summary>
public static class MenuTap
{
    private const string Marker = "pingtang:menu-tap";

    public static Activity Mark(Activity message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Value = Marker;
        return message;
    }

    public static bool Is(IActivity activity) => activity is IMessageActivity { Value: Marker };
}
