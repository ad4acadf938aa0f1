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
/// behind one another on SQLite. An address of a worker merged into another is the other's.
/// </summary>
public sealed class AddressBook(IDbContextFactory<BotDb> dbFactory, IServiceScopeFactory scopes, TimeProvider time, ILogger<AddressBook> logger)
    : Microsoft.Bot.Builder.IMiddleware
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
        return (await Find(db, channelId, userId).AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.WorkerId;
    }

    /// <summary>
    /// Points every address of <paramref name="from"/> at <paramref name="into"/>, once the domain has made them one
    /// worker, and makes the rest of this turn <paramref name="into"/>'s. Doing it twice changes nothing; not doing it
    /// (the service stopped right after the merge) is made good when one of the addresses is next seen.
    /// </summary>
    public async Task MoveAsync(ITurnContext turnContext, int from, int into, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await MoveAllAsync(db, from, into, cancellationToken);
        turnContext.TurnState.Set(new CurrentWorker(into));
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
        var found = await Find(db, activity.ChannelId, userId).SingleOrDefaultAsync(cancellationToken);
        WorkerAddress address;
        if (found is null)
        {
            await using var scope = scopes.CreateAsyncScope();
            var worker = await scope.ServiceProvider.GetRequiredService<WorkerRegistry>().RegisterAsync(cancellationToken);
            address = new WorkerAddress { ChannelId = activity.ChannelId, UserId = userId, WorkerId = worker.Id, ConversationReference = json };
            db.Add(address);
            found = new(address, null);
        }
        else if (found.MergedIntoId is { } survivor)
        {
            address = found.Address;
            await MoveAllAsync(db, address.WorkerId, survivor, cancellationToken);
        }
        else if (found.Address.ConversationReference == json && now - found.Address.LastSeenAt < LastSeenResolution)
        {
            return found.WorkerId;
        }
        else
        {
            address = found.Address;
        }

        address.ConversationReference = json;
        address.LastSeenAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return found.WorkerId;
    }

    /// <summary>The address of a channel's user, with the worker its worker was merged into, if it was.</summary>
    private static IQueryable<FoundAddress> Find(BotDb db, string channelId, string userId) =>
        db.Set<WorkerAddress>()
            .Where(a => a.ChannelId == channelId && a.UserId == userId)
            .Select(a => new FoundAddress(a, db.Set<WorkerSurvivor>().Where(w => w.Id == a.WorkerId).Select(w => w.MergedIntoId).FirstOrDefault()));

    private async Task MoveAllAsync(BotDb db, int from, int into, CancellationToken cancellationToken)
    {
        var moved = await db.Set<WorkerAddress>()
            .Where(a => a.WorkerId == from)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.WorkerId, into), cancellationToken);
        if (moved > 0)
        {
            logger.LogInformation("Worker {From} is linked to worker {Into}: {Addresses} addresses moved", from, into, moved);
        }
    }

    private sealed record FoundAddress(WorkerAddress Address, int? MergedIntoId)
    {
        public int WorkerId => MergedIntoId ?? Address.WorkerId;
    }
}
