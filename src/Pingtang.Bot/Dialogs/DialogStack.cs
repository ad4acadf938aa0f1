using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Pingtang.Bot.Dialogs;

/// <summary>
/// A conversation's dialogs, innermost last, as saved in ConversationState under <see cref="StateKey"/> between turns.
/// </summary>
public sealed class DialogStack
{
    /// <summary>The stable key of the stack in ConversationState. Renaming it forgets every conversation's place.</summary>
    public const string StateKey = "Pingtang.DialogStack";

    /// <summary>Raise when saved stacks can no longer be read by this code; they then restart at the menu.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    public List<DialogFrame> Frames { get; set; } = [];

    public DateTimeOffset? LastTurnAt { get; set; }

    /// <summary>Ids of the last inbound messages, so a channel's retry of one is not answered twice.</summary>
    public List<string> RecentActivityIds { get; set; } = [];

    /// <summary>Copies each dialog's live state into its saved form; called before the stack is written.</summary>
    internal void Flush()
    {
        foreach (var frame in Frames)
        {
            frame.Flush();
        }
    }
}

/// <summary>One running dialog: which dialog, and its own state.</summary>
public sealed class DialogFrame
{
    public required string DialogId { get; set; }

    public JObject Data { get; set; } = [];

    // The state object a dialog works on during a turn; written back to Data when the stack is saved.
    [JsonIgnore]
    internal object? Live { get; set; }

    internal T GetState<T>()
        where T : class, new()
    {
        if (Live is T live)
        {
            return live;
        }

        try
        {
            var state = Data.ToObject<T>() ?? new T();
            Live = state;
            return state;
        }
        catch (JsonException e)
        {
            throw new UnreadableDialogStateException(DialogId, e);
        }
    }

    internal void SetState<T>(T state)
        where T : class => Live = state;

    internal void Flush()
    {
        if (Live is not null)
        {
            Data = JObject.FromObject(Live);
        }
    }
}

/// <summary>Saved dialog state that this version of the code cannot read; the conversation restarts at the menu.</summary>
public sealed class UnreadableDialogStateException(string dialogId, Exception? inner = null)
    : Exception($"The saved state of dialog '{dialogId}' cannot be read.", inner);
