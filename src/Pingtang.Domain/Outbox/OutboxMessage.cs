using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.Outbox;

/// <summary>Why a message goes to a worker, which decides the rules it is sent under (<see cref="OutboxRules"/>).</summary>
public enum MessagePurpose
{
    /// <summary>An answer in a conversation the worker is having (a staff reply): goes at once, day or night.</summary>
    Reply,

    /// <summary>About something the worker asked for or signed up to (a reminder, a session moved): not at night.</summary>
    Practical,

    /// <summary>What we would like them to know (job alerts, broadcasts): only with their consent, not at night.</summary>
    Promotional,
}

public enum OutboxState
{
    /// <summary>Waiting for its not-before time.</summary>
    Queued,

    /// <summary>Leased by a sender; back to sendable when the lease runs out (the sender died).</summary>
    Sending,

    Sent,

    /// <summary>The last try failed; tried again from its not-before time.</summary>
    Failed,

    /// <summary>Failed <see cref="OutboxMessage.MaxAttempts"/> times: staff may send it again.</summary>
    Dead,

    /// <summary>Not sent, on purpose: no consent, or no channel reaches the worker.</summary>
    Skipped,

    /// <summary>Its campaign is paused: not sent until the campaign resumes.</summary>
    Held,

    /// <summary>
    /// The worker's channel lets us write only after they write (WeChat outside its 48 hours, with no template for
    /// the kind): queued again when they next do.
    /// </summary>
    Waiting,
}

/// <summary>What a feature wants sent: the words, the choices offered as buttons, and its idempotency key.</summary>
/// <param name="Key">Unique per message, e.g. <c>training-reminder:{enrolment}:{date}</c>: the same key is queued once.</param>
/// <param name="Kind">What it is about, in the words staff read on the outbox page, e.g. 培训调整通知.</param>
/// <param name="ChannelData">JSON for one channel's own form of the message (e.g. a WeChat template's fields).</param>
/// <param name="CampaignId">The broadcast it is part of, which can pause, resume or cancel it and reports on it.</param>
/// <param name="OnChannel">
/// The one channel to send it on, e.g. the rest of a turn's reply on the channel the worker wrote from; null sends on
/// the channel they used last.
/// </param>
public sealed record OutboxDraft(
    int WorkerId,
    string Kind,
    MessagePurpose Purpose,
    string Key,
    string Text,
    IReadOnlyList<string>? Choices = null,
    string? ChannelData = null,
    DateTimeOffset? NotBefore = null,
    int? CampaignId = null,
    string? OnChannel = null);

/// <summary>
/// One message to a worker, sent outside their own turn: queued in the same transaction as the change that causes it,
/// then leased, sent and recorded by the bot's sender.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 5;
    public const int KeyMaxLength = 200;
    public const int KindMaxLength = 40;
    public const int TextMaxLength = 4000;
    public const int ErrorMaxLength = 500;

    private OutboxMessage()
    {
    }

    public long Id { get; private set; }

    public int WorkerId { get; private set; }

    public string Kind { get; private set; } = "";

    public MessagePurpose Purpose { get; private set; }

    public string Key { get; private set; } = "";

    public string Text { get; private set; } = "";

    public List<string> Choices { get; private set; } = [];

    public string? ChannelData { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NotBefore { get; private set; }

    public OutboxState State { get; private set; }

    /// <summary>Who holds the lease (one sender's batch) and until when.</summary>
    public Guid? LeaseId { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>The last failure, or why the message was skipped, in words for staff (never message text).</summary>
    public string? LastError { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? SentChannel { get; private set; }

    /// <summary>How the channel carried it, where it has more than one way (WeChat: 客服消息 or 模板消息).</summary>
    public string? SentVia { get; private set; }

    /// <summary>The only channel it may go on (<see cref="OutboxDraft.OnChannel"/>); null: the one used last.</summary>
    public string? OnChannel { get; private set; }

    public int? CampaignId { get; private set; }

    /// <summary>How many times quiet hours held it back: what a campaign's report counts as deferred.</summary>
    public int QuietDeferrals { get; private set; }

    internal static OutboxMessage From(OutboxDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new()
        {
            WorkerId = draft.WorkerId,
            Kind = draft.Kind,
            Purpose = draft.Purpose,
            Key = draft.Key,
            Text = draft.Text.Length > TextMaxLength ? draft.Text[..TextMaxLength] : draft.Text,
            Choices = [.. draft.Choices ?? []],
            ChannelData = draft.ChannelData,
            CreatedAt = now,
            NotBefore = draft.NotBefore ?? now,
            State = OutboxState.Queued,
            CampaignId = draft.CampaignId,
            OnChannel = draft.OnChannel,
        };
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(m => m.Kind).HasMaxLength(OutboxMessage.KindMaxLength);
        builder.Property(m => m.Key).HasMaxLength(OutboxMessage.KeyMaxLength);
        builder.Property(m => m.Text).HasMaxLength(OutboxMessage.TextMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        builder.Property(m => m.SentChannel).HasMaxLength(64);
        builder.Property(m => m.SentVia).HasMaxLength(32);
        builder.Property(m => m.OnChannel).HasMaxLength(64);
        builder.Property(m => m.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        builder.PrimitiveCollection(m => m.Choices);
        builder.HasIndex(m => m.Key).IsUnique();
        // The sender's question, many times a second: what is sendable now, oldest first. Id too, the order's tie-break
        // among the thousands a broadcast queues at one NotBefore: PostgreSQL's indexes, unlike SQLite's, do not end in
        // the row id by themselves (OutboxMessages' lease on PostgreSQL says what that cost).
        builder.HasIndex(m => new { m.State, m.NotBefore, m.Id });
        builder.HasIndex(m => m.LeaseId);
        // A campaign's report, pause, resume and cancel: each one statement over its messages by state. No foreign
        // key: on SQLite adding one rebuilds the table.
        builder.HasIndex(m => new { m.CampaignId, m.State });
        builder.HasOne<Workers.Worker>().WithMany().HasForeignKey(m => m.WorkerId).OnDelete(DeleteBehavior.Cascade);
    }
}
