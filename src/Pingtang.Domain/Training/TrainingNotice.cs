using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.Training;

/// <summary>Why staff tell a session's workers.</summary>
public enum TrainingNoticeKind
{
    /// <summary>停课: the session will not run.</summary>
    Cancelled,

    /// <summary>调整: its place, dates or times changed.</summary>
    Moved,

    /// <summary>候补转正: a worker who cancelled gave this worker, first on the waiting list, the seat.</summary>
    Promoted,
}

/// <summary>
/// One worker to be told that their session changed for them: staff cancelled or moved it, or a seat came free.
/// Recorded in the same save as the change, and marked sent by whoever sends it, so a retry never tells twice.
/// </summary>
public sealed class TrainingNotice
{
    private TrainingNotice()
    {
    }

    public int Id { get; private set; }

    public int SessionId { get; private set; }

    public int WorkerId { get; private set; }

    public TrainingNoticeKind Kind { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Set when a sender claims the notice; cleared again when its send fails.</summary>
    public DateTimeOffset? SentAt { get; private set; }

    internal static TrainingNotice Create(int sessionId, int workerId, TrainingNoticeKind kind, DateTimeOffset now) =>
        new() { SessionId = sessionId, WorkerId = workerId, Kind = kind, CreatedAt = now };
}

internal sealed class TrainingNoticeConfiguration : IEntityTypeConfiguration<TrainingNotice>
{
    public void Configure(EntityTypeBuilder<TrainingNotice> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(n => new { n.SessionId, n.SentAt });
        builder.HasOne<TrainingSession>().WithMany().HasForeignKey(n => n.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Workers.Worker>().WithMany().HasForeignKey(n => n.WorkerId).OnDelete(DeleteBehavior.Cascade);
    }
}
