using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.Jobs;

/// <summary>Records applications and lists them for the station that calls the applicants.</summary>
public sealed class JobApplications(PingtangDb db, TimeProvider time)
{
    public async Task<ApplyOutcome> ApplyAsync(int workerId, int postingId, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(time);
        var posting = await db.JobPostings.SingleOrDefaultAsync(j => j.Id == postingId, cancellationToken);
        if (posting is null || !posting.IsOpen(today))
        {
            return ApplyOutcome.Closed;
        }

        if (await HasAppliedAsync(workerId, postingId, cancellationToken))
        {
            return ApplyOutcome.AlreadyApplied;
        }

        var application = new JobApplication { WorkerId = workerId, JobPostingId = postingId, AppliedAt = time.GetUtcNow() };
        return await db.TryInsertAsync(application, () => HasAppliedAsync(workerId, postingId, cancellationToken), cancellationToken)
            ? ApplyOutcome.Applied
            : ApplyOutcome.AlreadyApplied;
    }

    /// <summary>The applicants of one posting, earliest first, with what the station needs to call them.</summary>
    public async Task<IReadOnlyList<Applicant>> ListAsync(int postingId, CancellationToken cancellationToken) =>
        await db.JobApplications
            .Where(a => a.JobPostingId == postingId)
            .OrderBy(a => a.Id)
            .Select(a => new Applicant(a.Worker!.Name, a.Worker.Mobile, a.Worker.BirthYear, a.Worker.HomeTownship, a.AppliedAt))
            .ToListAsync(cancellationToken);

    private Task<bool> HasAppliedAsync(int workerId, int postingId, CancellationToken cancellationToken) =>
        db.JobApplications.AnyAsync(a => a.WorkerId == workerId && a.JobPostingId == postingId, cancellationToken);
}

public enum ApplyOutcome
{
    Applied,
    AlreadyApplied,
    Closed,
}

/// <summary>One row of a posting's applicant list. Personal data: for the vouching station's staff only.</summary>
public sealed record Applicant(string? Name, string? Mobile, int? BirthYear, string? HomeTownship, DateTimeOffset AppliedAt);
