namespace Pingtang.Bot.Dialogs;

/// <summary>Every dialog the bot knows, by id. Features register theirs as <see cref="Dialog"/> singletons.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs;

    public DialogSet(IEnumerable<Dialog> dialogs) =>
        _dialogs = dialogs.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public bool Contains(string dialogId) => _dialogs.ContainsKey(dialogId);

    /// <summary>A saved stack naming a dialog this version no longer has cannot go on: it restarts at the menu.</summary>
    public Dialog Find(string dialogId) =>
        _dialogs.TryGetValue(dialogId, out var dialog) ? dialog : throw new UnreadableDialogStateException(dialogId);
}
