using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Jobs;

/// <summary>
/// One 新岗位提醒 message to a worker, with the postings it named, recorded when its message is queued on the outbox.
/// The database holds both rules: one alert per worker per day in China (<see cref="SentOn"/>), and a posting named
/// to a worker only once, ever.
/// </summary>
public sealed class JobAlert
{
    public int Id { get; private set; }

    public required int WorkerId { get; init; }

    public Worker? Worker { get; private set; }

    /// <summary>The day in China the alert was queued; one queued in the quiet hours goes the next morning.</summary>
    public required DateOnly SentOn { get; init; }

    public required DateTimeOffset SentAt { get; init; }

    public List<JobAlertPosting> Postings { get; init; } = [];
}

/// <summary>A posting named in a <see cref="JobAlert"/>; keyed by worker and posting, so never named twice.</summary>
public sealed class JobAlertPosting
{
    public required int WorkerId { get; init; }

    public required int JobPostingId { get; init; }

    public JobPosting? JobPosting { get; private set; }

    public int JobAlertId { get; private set; }
}

internal sealed class JobAlertConfiguration : IEntityTypeConfiguration<JobAlert>
{
    public void Configure(EntityTypeBuilder<JobAlert> builder)
    {
        builder.HasIndex(a => new { a.WorkerId, a.SentOn }).IsUnique();
        builder.HasOne(a => a.Worker).WithMany().HasForeignKey(a => a.WorkerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Postings).WithOne().HasForeignKey(p => p.JobAlertId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobAlertPostingConfiguration : IEntityTypeConfiguration<JobAlertPosting>
{
    public void Configure(EntityTypeBuilder<JobAlertPosting> builder)
    {
        builder.HasKey(p => new { p.WorkerId, p.JobPostingId });
        builder.HasOne(p => p.JobPosting).WithMany().HasForeignKey(p => p.JobPostingId).OnDelete(DeleteBehavior.Cascade);
    }
}
