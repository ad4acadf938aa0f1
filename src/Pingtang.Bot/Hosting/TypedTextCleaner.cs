using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Pingtang.Domain;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// Cleans every message a worker sends (<see cref="TypedText.Clean"/>) before any dialog sees it, so the names,
/// cities, search words and answers that dialogs store and staff pages show hold only what a person can mean.
/// </summary>
public sealed class TypedTextCleaner : Microsoft.Bot.Builder.IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (turnContext.Activity is { Type: ActivityTypes.Message, Text: { } text } message)
        {
            message.Text = TypedText.Clean(text);
        }

        return next(cancellationToken);
    }
}
