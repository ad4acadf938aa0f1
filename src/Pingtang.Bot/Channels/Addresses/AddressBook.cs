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
/// It writes only when something a proactive message needs has changed, not on every message: a turn's writes queue
/// behind one another on SQLite.
/// </summary>
public sealed class AddressBook(IDbContextFactory<BotDb> dbFactory, IServiceScopeFactory scopes, TimeProvider time) : Microsoft.Bot.Builder.IMiddleware
{
    /// <summary>
    /// How old a last-seen time may grow before a message writes it again. It only ranks a worker's addresses, so that
    /// a reminder goes to the channel they used last; between two channels both used within these minutes either
    /// reaches the worker, and a reminder that goes to the one used a few minutes before the other loses nothing.
    /// </summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(10);

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

    /// <summary>The worker a channel's user is, once they have written; null before.</summary>
    public async Task<int?> WorkerOfAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<WorkerAddress>()
            .Where(a => a.ChannelId == channelId && a.UserId == userId)
            .Select(a => (int?)a.WorkerId)
            .SingleOrDefaultAsync(cancellationToken);
    }

    // A proactive send runs a turn too (a ContinueConversation event "from" the worker): that is not the worker
    // showing up, and must not move the channel they were last seen on.
    private static bool IsFromWorker(Activity activity) =>
        activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate && activity.From?.Role != RoleTypes.Bot;

    private async Task<int> RememberAsync(Activity activity, string userId, CancellationToken cancellationToken)
    {
        var reference = activity.GetConversationReference();
        // The id of the message it came with is of no use to a later proactive message, and would make every message
        // a change to write.
        reference.ActivityId = null;
        var json = JsonConvert.SerializeObject(reference);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var address = await db.Set<WorkerAddress>()
            .SingleOrDefaultAsync(a => a.ChannelId == activity.ChannelId && a.UserId == userId, cancellationToken);
        if (address is null)
        {
            await using var scope = scopes.CreateAsyncScope();
            var worker = await scope.ServiceProvider.GetRequiredService<WorkerRegistry>().RegisterAsync(cancellationToken);
            address = new WorkerAddress { ChannelId = activity.ChannelId, UserId = userId, WorkerId = worker.Id, ConversationReference = json };
            db.Add(address);
        }
        else if (address.ConversationReference == json && now - address.LastSeenAt < LastSeenResolution)
        {
            return address.WorkerId;
        }

        address.ConversationReference = json;
        address.LastSeenAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return address.WorkerId;
    }
}
