using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Jobs;

/// <summary>A worker's 我要报名 for a posting: the vouching station calls them. One per worker and posting.</summary>
public sealed class JobApplication
{
    public int Id { get; private set; }

    public required int WorkerId { get; init; }

    public Worker? Worker { get; private set; }

    public required int JobPostingId { get; init; }

    public JobPosting? JobPosting { get; private set; }

    public required DateTimeOffset AppliedAt { get; init; }
}

internal sealed class JobApplicationConfiguration : IEntityTypeConfiguration<JobApplication>
{
    public void Configure(EntityTypeBuilder<JobApplication> builder)
    {
        builder.HasIndex(a => new { a.WorkerId, a.JobPostingId }).IsUnique();
        builder.HasIndex(a => new { a.JobPostingId, a.AppliedAt });
        builder.HasOne(a => a.Worker).WithMany().HasForeignKey(a => a.WorkerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.JobPosting).WithMany().HasForeignKey(a => a.JobPostingId).OnDelete(DeleteBehavior.Cascade);
    }
}
