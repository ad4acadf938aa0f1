using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Channels.WeChat;

public enum WeChatInboxState
{
    /// <summary>Its turn is running; a retry waits for its answer.</summary>
    Running,

    /// <summary>Answered in the HTTP response with <see cref="WeChatInboxEntry.PassiveReply"/> (null: with <c>success</c>).</summary>
    Answered,
}

/// <summary>
/// One message WeChat's server delivered, by its key: <c>MsgId</c> for a message, sender and <c>CreateTime</c> for an
/// event (which has no id). WeChat tries three times when an answer is slow; the row makes each message one turn, and
/// gives every try the same answer, on whichever instance it lands.
/// </summary>
public sealed class WeChatInboxEntry
{
    public const int KeyMaxLength = 160;

    public long Id { get; private set; }

    public required string Key { get; init; }

    /// <summary>In UTC, as a <see cref="DateTime"/>: SQLite compares those, which the daily clean-up needs.</summary>
    public required DateTime ReceivedAt { get; init; }

    public WeChatInboxState State { get; set; }

    /// <summary>The reply XML before any encryption (each try's response is encrypted afresh), or null for <c>success</c>.</summary>
    public string? PassiveReply { get; set; }
}

internal sealed class WeChatInboxEntryConfiguration : IEntityTypeConfiguration<WeChatInboxEntry>
{
    public void Configure(EntityTypeBuilder<WeChatInboxEntry> builder)
    {
        builder.ToTable("WeChatInbox");
        builder.Property(e => e.Key).HasMaxLength(WeChatInboxEntry.KeyMaxLength);
        builder.HasIndex(e => e.Key).IsUnique();
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(e => e.ReceivedAt);
    }
}

/// <summary>What a try of a message gets: to run its turn (the first try), or the answer another try gave.</summary>
public abstract record WeChatArrival
{
    public sealed record First : WeChatArrival;

    /// <summary>A retry: the first try's answer, XML or null for <c>success</c>.</summary>
    public sealed record Retry(string? PassiveReply) : WeChatArrival;
}

/// <summary>The inbox's questions, each one statement; unique keys decide which try is first, across instances.</summary>
public sealed class WeChatInbox(IDbContextFactory<BotDb> dbFactory, TimeProvider time)
{
    /// <summary>The daily job that runs <see cref="ForgetOldAsync"/>.</summary>
    public const string RecurringJobId = "wechat-inbox";

    /// <summary>How long a message is remembered: far beyond WeChat's retries, which end within about 15 seconds.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(2);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Records the arrival of <paramref name="key"/>. The first try gets <see cref="WeChatArrival.First"/>; a retry
    /// waits up to <paramref name="wait"/> for the first's answer, and gets <c>success</c> if it is still running
    /// then — the first try's turn sends what it has through the customer-service API instead. The wait is on the
    /// real clock, as WeChat's own deadline is.
    /// </summary>
    public async Task<WeChatArrival> ArriveAsync(string key, TimeSpan wait, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Add(new WeChatInboxEntry { Key = key, ReceivedAt = time.GetUtcNow().UtcDateTime, State = WeChatInboxState.Running });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new WeChatArrival.First();
            }
            catch (DbUpdateException)
            {
                // Another try of the same message is first.
            }
        }

        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var entry = await db.Set<WeChatInboxEntry>().AsNoTracking().SingleAsync(e => e.Key == key, cancellationToken);
            if (entry.State == WeChatInboxState.Answered || waited.Elapsed >= wait)
            {
                return new WeChatArrival.Retry(entry.State == WeChatInboxState.Answered ? entry.PassiveReply : null);
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    /// <summary>The first try's answer, for the retries: the reply XML, or null for <c>success</c>.</summary>
    public async Task AnsweredAsync(string key, string? passiveReply, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<WeChatInboxEntry>().Where(e => e.Key == key).ExecuteUpdateAsync(
            s => s.SetProperty(e => e.State, WeChatInboxState.Answered).SetProperty(e => e.PassiveReply, passiveReply),
            cancellationToken);
    }

    /// <summary>Forgets messages older than <see cref="Kept"/>; returns how many.</summary>
    public async Task<int> ForgetOldAsync(CancellationToken cancellationToken)
    {
        var before = (time.GetUtcNow() - Kept).UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<WeChatInboxEntry>().Where(e => e.ReceivedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
