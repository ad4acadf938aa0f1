using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.Jobs;

/// <summary>Finds open postings for a query, newest and best paid first, a page at a time.</summary>
public sealed class JobSearch(PingtangDb db, TimeProvider time)
{
    public const int PageSize = 5;

    /// <summary>
    /// Results are counted up to here: 「找到500多个」 tells a worker as much as an exact 7,372 would, and counting
    /// stops early instead of reading every posting.
    /// </summary>
    public const int CountCap = 500;

    /// <summary>From this age the stations offer seasonal farm work (<see cref="TradeSynonyms.Seasonal"/>), which takes older workers.</summary>
    public const int SeasonalWorkAge = 50;

    /// <summary>One page of results. <paramref name="age"/> hides postings the worker is too young or too old for.</summary>
    public async Task<JobResults> FindAsync(JobQuery query, int? age, int page, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        var matching = Matching(query, age, ChinaTime.Today(time));
        // One connection for both queries, instead of one opened and closed for each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var total = await matching.Take(CountCap + 1).CountAsync(cancellationToken);
        var items = await Summaries(Newest(matching).Skip(page * PageSize).Take(PageSize)).ToListAsync(cancellationToken);
        return new(items, Math.Min(total, CountCap), total > CountCap, page);
    }

    /// <summary>An open posting with its station, or null when it does not exist or has closed.</summary>
    public Task<JobPosting?> FindOpenAsync(int postingId, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(time);
        return db.JobPostings
            .Include(j => j.Station)
            .SingleOrDefaultAsync(j => j.Id == postingId && j.ClosedAt == null && j.ClosesOn >= today, cancellationToken);
    }

    /// <summary>Open postings that fit the query and the worker's age; the filter every search and alert shares.</summary>
    public IQueryable<JobPosting> Matching(JobQuery query, int? age, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(query);
        var postings = JobSearchTerms.Match(query.Keywords) is { } match
            ? db.JobPostings.FromSql($"SELECT * FROM JobPostings WHERE Id IN (SELECT rowid FROM JobPostingTerms WHERE JobPostingTerms MATCH {match})")
            : db.JobPostings;
        postings = postings.Where(j => j.ClosedAt == null && j.ClosesOn >= today);
        if (query.Province is { } province)
        {
            postings = postings.Where(j => j.Province == province);
        }

        if (query.City is { } city)
        {
            postings = postings.Where(j => j.City == city);
        }

        if (query.District is { } district)
        {
            postings = postings.Where(j => j.District == district);
        }

        if (query.TradeGroup is { } trade)
        {
            postings = postings.Where(j => j.TradeGroup == trade);
        }

        if (query.MinMonthlyPay is { } pay)
        {
            postings = postings.Where(j => j.PayCeiling >= pay);
        }

        if (query.NeedsMeals)
        {
            postings = postings.Where(j => j.MealsProvided);
        }

        if (query.NeedsHousing)
        {
            postings = postings.Where(j => j.HousingProvided);
        }

        if (age is { } a)
        {
            postings = postings.Where(j => (j.AgeMin == null || j.AgeMin <= a) && (j.AgeMax == null || j.AgeMax >= a));
        }

        return postings;
    }

    /// <summary>The order workers see: newest first, then best paid.</summary>
    public static IOrderedQueryable<JobPosting> Newest(IQueryable<JobPosting> postings) =>
        postings.OrderByDescending(j => j.PostedOn).ThenByDescending(j => j.PayCeiling).ThenByDescending(j => j.Id);

    /// <summary>The postings as the one-line summaries a list shows.</summary>
    public static IQueryable<JobSummary> Summaries(IQueryable<JobPosting> postings) =>
        postings.Select(j => new JobSummary(j.Id, j.Title, j.City, j.District, j.MonthlyPayMin, j.MonthlyPayMax, j.DailyPay, j.MealsProvided, j.HousingProvided));
}

/// <summary>A page of results; <paramref name="Total"/> stops at <see cref="JobSearch.CountCap"/>, when <paramref name="MoreThanTotal"/> says there are more.</summary>
public sealed record JobResults(IReadOnlyList<JobSummary> Items, int Total, bool MoreThanTotal, int Page)
{
    public int PageCount => (Total + JobSearch.PageSize - 1) / JobSearch.PageSize;

    public bool HasNext => Items.Count == JobSearch.PageSize && (MoreThanTotal || Page + 1 < PageCount);
}

/// <summary>The one line a result takes: title · city · pay · 包吃住.</summary>
public sealed record JobSummary(int Id, string Title, string City, string District, int? MonthlyPayMin, int? MonthlyPayMax, int? DailyPay, bool MealsProvided, bool HousingProvided);
