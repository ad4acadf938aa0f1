using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Bot.Channels.DirectLine;

/// <summary>
/// A Direct Line conversation: its id, the one user who speaks in it, and whether the bot has been told it started.
/// </summary>
public sealed class DirectLineConversation
{
    private DirectLineConversation()
    {
    }

    public string Id { get; private set; } = string.Empty;

    /// <summary>The user id the server decided; every activity a token holder posts here is from this user.</summary>
    public string UserId { get; private set; } = string.Empty;

    public string? UserName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the bot was sent the conversation's <c>conversationUpdate</c>; null until a client starts it.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    public static DirectLineConversation Open(string id, string userId, string? userName, DateTimeOffset now) =>
        new() { Id = id, UserId = userId, UserName = userName, CreatedAt = now };
}

/// <summary>
/// One activity of a conversation as its clients see it, in order: <see cref="Sequence"/> is the watermark.
/// </summary>
public sealed class DirectLineActivityRecord
{
    public required string ConversationId { get; init; }

    public required int Sequence { get; init; }

    /// <summary>The activity as the Direct Line clients receive it (Bot Framework schema JSON).</summary>
    public required string Json { get; init; }

    /// <summary>
    /// The id a client gave its own activity (Web Chat's <c>channelData.clientActivityID</c>): a client that resends
    /// after a network failure is answered with the activity it already posted.
    /// </summary>
    public string? ClientActivityId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class DirectLineConversationConfiguration : IEntityTypeConfiguration<DirectLineConversation>
{
    public void Configure(EntityTypeBuilder<DirectLineConversation> builder)
    {
        builder.ToTable("DirectLineConversations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.UserId).HasMaxLength(256);
        builder.Property(c => c.UserName).HasMaxLength(128);
    }
}

internal sealed class DirectLineActivityRecordConfiguration : IEntityTypeConfiguration<DirectLineActivityRecord>
{
    public void Configure(EntityTypeBuilder<DirectLineActivityRecord> builder)
    {
        builder.ToTable("DirectLineActivities");

        // The key is the order: a second writer of the same sequence number fails and retries with the next one.
        builder.HasKey(a => new { a.ConversationId, a.Sequence });
        builder.Property(a => a.ConversationId).HasMaxLength(64);
        builder.Property(a => a.ClientActivityId).HasMaxLength(InboundActivity.MaxClientActivityIdLength);
        builder.HasIndex(a => new { a.ConversationId, a.ClientActivityId }).IsUnique();
        builder.HasOne<DirectLineConversation>().WithMany().HasForeignKey(a => a.ConversationId);
    }
}
