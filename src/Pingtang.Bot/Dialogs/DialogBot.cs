using Microsoft.Bot.Builder;

namespace Pingtang.Bot.Dialogs;

/// <summary>The bot every channel ends in.</summary>
public sealed class DialogBot : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.Type == Microsoft.Bot.Schema.ActivityTypes.Message)
        {
            await turnContext.SendActivityAsync($"你说：{turnContext.Activity.Text}", cancellationToken: cancellationToken);
        }
    }
}
