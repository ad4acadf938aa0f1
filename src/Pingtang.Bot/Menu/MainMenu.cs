namespace Pingtang.Bot.Menu;

/// <summary>One line of the main menu and the dialog it starts.</summary>
public sealed record MenuItem(string Title, string DialogId);

/// <summary>The main menu, in the order workers see it. A feature makes its line work by registering its dialog id.</summary>
public static class MainMenu
{
    public static readonly IReadOnlyList<MenuItem> Items =
    [
        new("岗位查询", "jobs"),
        new("培训报名", "training"),
        new("劳动维权", "complaints"),
        new("返岗报名", "return-trips"),
        new("我的信息", "profile"),

        // Last, so the lines workers already know keep their numbers.
        new("查进度", "complaints.mine"),
    ];

    public static readonly IReadOnlyList<string> Titles = Items.Select(i => i.Title).ToList();

    /// <summary>The dialog 「人工」 starts, anywhere: the one that puts the worker in touch with a person.</summary>
    public const string HumanDialogId = "human";
}

/// <summary>The words that work anywhere, before the active dialog sees the message.</summary>
public enum GlobalWord
{
    Menu,
    Cancel,
    Help,
    Human,
    Unsubscribe,
}

public static class GlobalWords
{
    private static readonly Dictionary<string, GlobalWord> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["菜单"] = GlobalWord.Menu,
        ["主菜单"] = GlobalWord.Menu,
        ["取消"] = GlobalWord.Cancel,
        ["帮助"] = GlobalWord.Help,
        ["人工"] = GlobalWord.Human,
        ["转人工"] = GlobalWord.Human,
        ["人工客服"] = GlobalWord.Human,
        ["退订"] = GlobalWord.Unsubscribe,
    };

    /// <summary>The global word the whole (normalized) message is, if any; a word inside a sentence is not one.</summary>
    public static GlobalWord? Match(string normalizedText) =>
        Words.TryGetValue(normalizedText, out var word) ? word : null;
}
