using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Dialogs.Recognizers;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Menu;

/// <summary>
/// The bottom of every conversation: the global words first, then the active dialog, and at the bottom the main
/// menu, whose lines start the features' dialogs.
/// </summary>
public sealed class RootRouter(DialogSet dialogs, IEnumerable<IMenuShortcut> shortcuts, IEnumerable<IMessageShortcut> claims) : IConversationRoot
{
    // Stable: shortcuts of one priority keep the order their features were added in.
    private readonly IReadOnlyList<IMenuShortcut> _shortcuts = [.. shortcuts.OrderByDescending(s => s.Priority)];

    public async Task RestartAsync(DialogContext dc, RestartReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var opening = reason switch
        {
            RestartReason.Idle => MenuTexts.Idle,
            RestartReason.UnreadableState => MenuTexts.Restarted,
            _ => MenuTexts.Welcome,
        };
        await ShowMenuAsync(dc, $"{opening}\n{MenuTexts.Choose}", cancellationToken);
    }

    public async Task OnMessageAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var word = GlobalWords.Match(dc.Text);
        if (word is null && claims.Select(c => c.Match(dc.Context.Activity)).FirstOrDefault(m => m is not null) is { } claimed)
        {
            if (claimed.Refusal is { } refusal)
            {
                await dc.SendAsync(refusal, cancellationToken);
                await RepromptAsync(dc, cancellationToken);
                return;
            }

            dc.CancelAll();
            if ((await dc.BeginAsync(claimed.Start!.DialogId, claimed.Start.Options, cancellationToken)).Status != DialogTurnStatus.Waiting)
            {
                await ShowMenuAsync(dc, MenuTexts.AnythingElse, cancellationToken);
            }

            return;
        }

        if (word is null && MenuTap.Is(dc.Context.Activity))
        {
            // A tap on the channel's menu means that line, whatever the worker was in the middle of.
            dc.CancelAll();
        }

        switch (word)
        {
            case GlobalWord.Menu:
                dc.CancelAll();
                await ShowMenuAsync(dc, MenuTexts.Choose, cancellationToken);
                return;
            case GlobalWord.Cancel:
                dc.CancelAll();
                await ShowMenuAsync(dc, $"{MenuTexts.Cancelled}\n{MenuTexts.Choose}", cancellationToken);
                return;
            case GlobalWord.Help:
                await dc.SendAsync(MenuTexts.Help, cancellationToken);
                await RepromptAsync(dc, cancellationToken);
                return;
            case GlobalWord.Human:
                // Whatever the worker was in the middle of, they want a person now.
                dc.CancelAll();
                await dc.BeginAsync(MainMenu.HumanDialogId, null, cancellationToken);
                await ShowMenuAsync(dc, MenuTexts.AnythingElse, cancellationToken);
                return;
            case GlobalWord.Unsubscribe:
                await dc.Services.GetRequiredService<WorkerRegistry>().UnsubscribeAsync(dc.WorkerId, cancellationToken);
                await dc.SendAsync(MenuTexts.Unsubscribed, cancellationToken);
                await RepromptAsync(dc, cancellationToken);
                return;
        }

        var result = dc.ActiveFrame is null
            ? await StartFromMenuAsync(dc, cancellationToken)
            : await dc.ContinueAsync(cancellationToken);
        if (result is not null && result.Status != DialogTurnStatus.Waiting)
        {
            await ShowMenuAsync(dc, MenuTexts.AnythingElse, cancellationToken);
        }
    }

    private async Task<DialogTurnResult?> StartFromMenuAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        // 订阅 undoes 退订, but only here at the menu: inside the job search the word saves the search.
        if (dc.Text == MenuTexts.SubscribeWord)
        {
            await dc.Services.GetRequiredService<WorkerRegistry>().SetRemindersAsync(dc.WorkerId, accepts: true, cancellationToken);
            await dc.SendAsync(MenuTexts.Subscribed, cancellationToken);
            await ShowMenuAsync(dc, MenuTexts.Choose, cancellationToken);
            return null;
        }

        if (Voice.IsUnheard(dc.Context.Activity))
        {
            await ShowMenuAsync(dc, $"{DialogTexts.VoiceNotUnderstood}\n{MenuTexts.Choose}", cancellationToken);
            return null;
        }

        if (ChoiceRecognizer.Recognize(dc.Text, MainMenu.Titles) is not { } index)
        {
            if (_shortcuts.Select(s => s.Match(dc.Text)).FirstOrDefault(m => m is not null) is { } shortcut)
            {
                return await dc.BeginAsync(shortcut.DialogId, shortcut.Options, cancellationToken);
            }

            await ShowMenuAsync(dc, $"{MenuTexts.Welcome}\n{MenuTexts.Choose}", cancellationToken);
            return null;
        }

        var item = MainMenu.Items[index];
        if (dialogs.Contains(item.DialogId))
        {
            return await dc.BeginAsync(item.DialogId, null, cancellationToken);
        }

        await dc.SendAsync(DialogTexts.Format(MenuTexts.ComingSoon, item.Title), cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Complete);
    }

    private static async Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.ActiveFrame is null)
        {
            await ShowMenuAsync(dc, MenuTexts.Choose, cancellationToken);
        }
        else
        {
            await dc.RepromptAsync(cancellationToken);
        }
    }

    private static Task ShowMenuAsync(DialogContext dc, string text, CancellationToken cancellationToken) =>
        dc.SendAsync(ChoiceMessage.Create(text, MainMenu.Titles), cancellationToken);
}
