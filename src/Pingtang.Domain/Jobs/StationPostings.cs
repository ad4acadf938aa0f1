using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.Jobs;

/// <summary>
/// The postings as the staff console lists them: a station's staff see the postings their station vouches for, an
/// administrator (a null station) every station's.
/// </summary>
public sealed class StationPostings(PingtangDb db)
{
    /// <summary>
    /// The newest <paramref name="take"/> postings of <paramref name="stationId"/> (every station's when null) whose
    /// 外部编号 is or starts with <paramref name="search"/>, or whose title holds it, and how many match in all.
    /// </summary>
    public async Task<PostingPage> FindAsync(int? stationId, string search, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var postings = db.JobPostings.AsNoTracking();
        if (stationId is { } station)
        {
            postings = postings.Where(j => j.StationId == station);
        }

        if (search.Length > 0)
        {
            postings = postings.Where(j => j.ExternalId == search || j.ExternalId.StartsWith(search) || j.Title.Contains(search));
        }

        var total = await postings.CountAsync(cancellationToken);
        var lines = await postings
            .OrderByDescending(j => j.Id)
            .Take(take)
            .Select(j => new PostingLine(j.Id, j.ExternalId, j.Title, j.Employer, j.City, j.District, j.ClosesOn, j.Station!.Name, db.JobApplications.Count(a => a.JobPostingId == j.Id)))
            .ToListAsync(cancellationToken);
        return new(total, lines);
    }

    /// <summary>One posting with its station, or null when there is none with that id.</summary>
    public Task<JobPosting?> FindAsync(int postingId, CancellationToken cancellationToken) =>
        db.JobPostings.AsNoTracking().Include(j => j.Station).SingleOrDefaultAsync(j => j.Id == postingId, cancellationToken);
}

/// <summary>A page of <see cref="StationPostings.FindAsync(int?, string, int, CancellationToken)"/>: the lines shown and how many matched.</summary>
public sealed record PostingPage(int Total, IReadOnlyList<PostingLine> Lines);

/// <summary>One posting in the staff's list, with its station and how many have applied.</summary>
public sealed record PostingLine(int Id, string ExternalId, string Title, string Employer, string City, string District, DateOnly ClosesOn, string Station, int Applications);
