using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Bot.Hosting.State;

/// <summary>One bot-state document (a conversation's or a user's), as <see cref="EfStorage"/> keeps it.</summary>
public sealed class StoredState
{
    public required string Key { get; init; }

    public required string Json { get; set; }

    /// <summary>Changes on every write; a writer holding an older one loses (optimistic concurrency).</summary>
    public required string ETag { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class StoredStateConfiguration : IEntityTypeConfiguration<StoredState>
{
    public void Configure(EntityTypeBuilder<StoredState> builder)
    {
        builder.ToTable("BotState");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(512);
        builder.Property(s => s.ETag).HasMaxLength(64);
    }
}
