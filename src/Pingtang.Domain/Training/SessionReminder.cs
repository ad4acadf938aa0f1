using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.Training;

/// <summary>
/// A day-before reminder sent (or being sent) for one enrolment. The database holds the rule: one reminder per
/// enrolment and start date, so a job that runs twice never reminds the same worker twice.
/// </summary>
public sealed class SessionReminder
{
    public int Id { get; private set; }

    public required int EnrolmentId { get; init; }

    public Enrolment? Enrolment { get; private set; }

    /// <summary>
    /// The start date the reminder named. Part of the unique key because staff may move a session: the new date
    /// deserves its own reminder, the old one must not come again.
    /// </summary>
    public required DateOnly StartsOn { get; init; }

    public required DateTimeOffset SentAt { get; init; }
}

internal sealed class SessionReminderConfiguration : IEntityTypeConfiguration<SessionReminder>
{
    public void Configure(EntityTypeBuilder<SessionReminder> builder)
    {
        builder.HasIndex(r => new { r.EnrolmentId, r.StartsOn }).IsUnique();
        builder.HasOne(r => r.Enrolment).WithMany().HasForeignKey(r => r.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
