using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Pingtang.Bot.Tests.Support;

/// <summary>
/// A bot in place of the real one, for channel tests about attachments: it keeps every message its turns saw and
/// answers one with attachments by naming them, so a client can see what arrived.
/// </summary>
public sealed class AttachmentEchoBot : IBot
{
    public const string Received = "收到文件：";

    public ConcurrentQueue<Activity> Messages { get; } = new();

    public static Action<IServiceCollection> Into(AttachmentEchoBot bot) => services => services.AddSingleton<IBot>(bot);

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            return;
        }

        Messages.Enqueue(turnContext.Activity);
        if (turnContext.Activity.Attachments is { Count: > 0 } attachments)
        {
            await turnContext.SendActivityAsync(Received + string.Join("、", attachments.Select(a => $"{a.Name}（{a.ContentType}）")), cancellationToken: cancellationToken);
        }
    }
}
