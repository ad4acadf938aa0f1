using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;
using Pingtang.Bot.Hosting;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Channels.Addresses;

/// <summary>The worker a turn belongs to, resolved by <see cref="AddressBook"/> before any dialog runs.</summary>
public sealed record CurrentWorker(int Id);

/// <summary>
/// Middleware that knows who is talking: it finds (or registers) the worker behind the channel's user id, records
/// the conversation reference for proactive messages, and puts <see cref="CurrentWorker"/> in the turn state.
/// </summary>
public sealed class AddressBook(IServiceScopeFactory scopes, TimeProvider time) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (IsFromWorker(activity) && activity.From?.Id is { Length: > 0 } userId && activity.ChannelId is { Length: > 0 })
        {
            var workerId = await RememberAsync(activity, userId, cancellationToken);
            turnContext.TurnState.Add(new CurrentWorker(workerId));
        }

        await next(cancellationToken);
    }

    // A proactive send runs a turn too (a ContinueConversation event "from" the worker): that is not the worker
    // showing up, and must not move the channel they were last seen on.
    private static bool IsFromWorker(Activity activity) =>
        activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate && activity.From?.Role != RoleTypes.Bot;

    private async Task<int> RememberAsync(Activity activity, string userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDb>();
        var reference = JsonConvert.SerializeObject(activity.GetConversationReference());
        var address = await db.Set<WorkerAddress>()
            .SingleOrDefaultAsync(a => a.ChannelId == activity.ChannelId && a.UserId == userId, cancellationToken);
        if (address is null)
        {
            var worker = await scope.ServiceProvider.GetRequiredService<WorkerRegistry>().RegisterAsync(cancellationToken);
            address = new WorkerAddress { ChannelId = activity.ChannelId, UserId = userId, WorkerId = worker.Id, ConversationReference = reference };
            db.Add(address);
        }

        address.ConversationReference = reference;
        address.LastSeenAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return address.WorkerId;
    }
}
