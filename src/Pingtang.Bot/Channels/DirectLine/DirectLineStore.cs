using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Channels.DirectLine;

/// <summary>A page of a conversation's activities after a watermark, already serialised for the client.</summary>
public sealed record ActivityPage(IReadOnlyList<string> Activities, int Watermark);

/// <summary>
/// The conversations and their activities, in the database so a client that comes back with its watermark after a
/// restart (or to another instance) misses nothing. Every append wakes the conversation's open streams.
/// </summary>
public sealed class DirectLineStore(IDbContextFactory<BotDb> dbFactory, DirectLineStreams streams, TimeProvider time)
{
    /// <summary>How many activities one GET or one stream message carries at most; the client pages on.</summary>
    public const int PageSize = 100;

    private const int AppendAttempts = 10;

    // What the clients see: the Bot Framework schema's own names, nothing for absent fields.
    private static readonly JsonSerializer ClientSerializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
    });

    /// <summary>A new id nobody can guess: 128 random bits, URL-safe.</summary>
    public static string NewId(string prefix = "") =>
        prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public async Task<DirectLineConversation> OpenAsync(string userId, string? userName, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conversation = DirectLineConversation.Open(NewId(), userId, userName, time.GetUtcNow());
        db.Add(conversation);
        await db.SaveChangesAsync(cancellationToken);
        return conversation;
    }

    public async Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<DirectLineConversation>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
    }

    /// <summary>
    /// Marks the conversation started; true only for the one caller that did it, so the bot hears of a conversation
    /// once even when a client starts it twice at the same moment.
    /// </summary>
    public async Task<bool> TryStartAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var updated = await db.Set<DirectLineConversation>()
            .Where(c => c.Id == conversationId && c.StartedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.StartedAt, now), cancellationToken);
        return updated == 1;
    }

    /// <summary>Stores <paramref name="activity"/> as the conversation's next one, gives it its id, and wakes the streams.</summary>
    public async Task<string> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id = null;
        return (await AppendAsync(conversationId, activity, ForClient(activity), clientActivityId: null, cancellationToken)).Id;
    }

    /// <summary>
    /// Stores a client's activity like <see cref="AppendAsync(string, Activity, CancellationToken)"/>, unless the client
    /// already posted one with <paramref name="clientActivityId"/>: then that one's id, and <c>IsNew</c> false. ID-card
    /// numbers in it are kept masked: a train's sign-up asks for them, the dialog keeps them only protected, and the
    /// conversation's history must not hold them in plain text. The turn still gets the activity as typed.
    /// </summary>
    public async Task<(string Id, bool IsNew)> AppendFromClientAsync(string conversationId, Activity activity, string? clientActivityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id = null;
        return await AppendAsync(conversationId, activity, SensitiveNumbers.MaskIdNumbers(ForClient(activity)), clientActivityId, cancellationToken);
    }

    /// <param name="body">The activity serialised, once and before the transaction: on SQLite a transaction holds the
    /// write gate, and every other writer of the process waits for what is done inside it. The id, known only inside,
    /// is put in front.</param>
    private async Task<(string Id, bool IsNew)> AppendAsync(string conversationId, Activity activity, string body, string? clientActivityId, CancellationToken cancellationToken)
    {
        int sequence;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // A client's resend is found outside the transaction; two copies racing in are settled by the unique index
            // on the client's id, and the loser's next attempt finds the winner here.
            if (clientActivityId is not null && await PostedAsync(db, conversationId, clientActivityId, cancellationToken) is { } earlier)
            {
                return (ActivityId(conversationId, earlier), false);
            }

            // On SQLite this is BEGIN IMMEDIATE, taken in turn at SqliteWriteGate: the next number and the insert happen
            // under the write lock, so the writers of one conversation no longer race for a number. Where they still
            // can (another database), the retry below settles it.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var last = await db.Set<DirectLineActivityRecord>()
                .Where(a => a.ConversationId == conversationId)
                .MaxAsync(a => (int?)a.Sequence, cancellationToken) ?? 0;
            sequence = last + 1;
            db.Add(new DirectLineActivityRecord
            {
                ConversationId = conversationId,
                Sequence = sequence,
                Json = WithId(body, ActivityId(conversationId, sequence)),
                ClientActivityId = clientActivityId,
                CreatedAt = time.GetUtcNow(),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await DirectLineWakeUps.AnnounceAsync(db, conversationId, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException) when (attempt < AppendAttempts)
            {
                // Another writer (the bot's reply, a proactive message, another instance, the same client resending)
                // took this number or this client id; the next attempt sees which.
            }
        }

        activity.Id = ActivityId(conversationId, sequence);
        streams.Notify(conversationId);
        return (activity.Id, true);
    }

    private static Task<int?> PostedAsync(BotDb db, string conversationId, string clientActivityId, CancellationToken cancellationToken) =>
        db.Set<DirectLineActivityRecord>()
            .Where(a => a.ConversationId == conversationId && a.ClientActivityId == clientActivityId)
            .Select(a => (int?)a.Sequence)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary><paramref name="body"/>, a serialised activity without an id, with <c>"id"</c> as its first property.</summary>
    private static string WithId(string body, string id)
    {
        var member = "\"id\":" + JsonConvert.ToString(id);
        return body.Length > 2 ? "{" + member + "," + body[1..] : "{" + member + "}";
    }

    private static string ActivityId(string conversationId, int sequence) => $"{conversationId}|{sequence:D7}";

    // The service URL is where the bot answers; the client has no use for it.
    private static string ForClient(Activity activity)
    {
        var json = JObject.FromObject(activity, ClientSerializer);
        json.Remove("serviceUrl");
        return json.ToString(Formatting.None);
    }

    /// <summary>The activities after <paramref name="watermark"/>, at most <see cref="PageSize"/>, and the new watermark.</summary>
    public async Task<ActivityPage> ReadAsync(string conversationId, int watermark, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<DirectLineActivityRecord>().AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > watermark)
            .OrderBy(a => a.Sequence)
            .Take(PageSize)
            .Select(a => new { a.Sequence, a.Json })
            .ToListAsync(cancellationToken);
        return new ActivityPage(rows.ConvertAll(r => r.Json), rows.Count == 0 ? watermark : rows[^1].Sequence);
    }

    /// <summary>A page as Direct Line's <c>ActivitySet</c>: <c>{ "activities": [...], "watermark": "N" }</c>.</summary>
    public static string ToActivitySet(ActivityPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var json = new StringBuilder("{\"activities\":[");
        json.AppendJoin(',', page.Activities);
        json.Append("],\"watermark\":\"").Append(page.Watermark).Append("\"}");
        return json.ToString();
    }
}
