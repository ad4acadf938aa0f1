using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Training;

/// <summary>Where a worker stands with a session.</summary>
public enum EnrolmentStatus
{
    /// <summary>Has a seat.</summary>
    Confirmed,

    /// <summary>On the waiting list, in arrival order.</summary>
    Waiting,

    Cancelled,

    /// <summary>Came to the session (staff mark it).</summary>
    Attended,

    /// <summary>结业: finished the course (staff mark it).</summary>
    Completed,
}

/// <summary>A worker's 报名 for one session, with the short code they quote to staff.</summary>
public sealed class Enrolment
{
    public const int CodeLength = ConfirmationCode.Length;

    private Enrolment()
    {
    }

    public int Id { get; private set; }

    public int SessionId { get; private set; }

    public TrainingSession? Session { get; private set; }

    public int WorkerId { get; private set; }

    public Worker? Worker { get; private set; }

    public EnrolmentStatus Status { get; private set; }

    public string Code { get; private set; } = "";

    public DateTimeOffset EnrolledAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public bool IsActive => Status is EnrolmentStatus.Confirmed or EnrolmentStatus.Waiting;

    internal static Enrolment Create(int sessionId, int workerId, bool hasSeat, DateTimeOffset now) => new()
    {
        SessionId = sessionId,
        WorkerId = workerId,
        Status = hasSeat ? EnrolmentStatus.Confirmed : EnrolmentStatus.Waiting,
        Code = ConfirmationCode.New(),
        EnrolledAt = now,
    };

    internal void Promote() => Status = Status == EnrolmentStatus.Waiting ? EnrolmentStatus.Confirmed : throw new DomainException("只有候补的报名可以转正");

    internal void Cancel(DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new DomainException("这个报名已经取消或结束");
        }

        Status = EnrolmentStatus.Cancelled;
        CancelledAt = now;
    }

    /// <summary>Staff record that the worker came, and later that they finished (结业).</summary>
    public void MarkAttended() => Status = Status is EnrolmentStatus.Confirmed or EnrolmentStatus.Attended
        ? EnrolmentStatus.Attended
        : throw new DomainException("只有已确认的学员可以记到课");

    public void MarkCompleted() => Status = Status is EnrolmentStatus.Confirmed or EnrolmentStatus.Attended or EnrolmentStatus.Completed
        ? EnrolmentStatus.Completed
        : throw new DomainException("只有已确认的学员可以记结业");
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Code).HasMaxLength(Enrolment.CodeLength);
        builder.HasIndex(e => e.Code).IsUnique();
        // One live enrolment per worker and session: a second message at the same moment cannot add another.
        builder.HasIndex(e => new { e.SessionId, e.WorkerId }).IsUnique().HasFilter("\"Status\" IN ('Confirmed', 'Waiting')");
        builder.HasIndex(e => new { e.SessionId, e.Status, e.Id });
        builder.HasIndex(e => e.WorkerId);
        builder.HasOne(e => e.Session).WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Worker).WithMany().HasForeignKey(e => e.WorkerId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(e => e.IsActive);
    }
}
