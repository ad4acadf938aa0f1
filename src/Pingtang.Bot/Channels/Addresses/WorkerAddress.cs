using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Bot.Channels.Addresses;

/// <summary>
/// Where a worker can be reached on one channel: the channel's user id, the worker it belongs to, and the Bot
/// Framework <c>ConversationReference</c> (as JSON) that proactive messages continue.
/// </summary>
public sealed class WorkerAddress
{
    public int Id { get; private set; }

    public required string ChannelId { get; init; }

    public required string UserId { get; init; }

    public required int WorkerId { get; init; }

    public required string ConversationReference { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}

internal sealed class WorkerAddressConfiguration : IEntityTypeConfiguration<WorkerAddress>
{
    public void Configure(EntityTypeBuilder<WorkerAddress> builder)
    {
        builder.Property(a => a.ChannelId).HasMaxLength(64);
        builder.Property(a => a.UserId).HasMaxLength(256);
        builder.HasIndex(a => new { a.ChannelId, a.UserId }).IsUnique();
        builder.HasIndex(a => new { a.WorkerId, a.LastSeenAt });
    }
}
