using System.Linq.Expressions;
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

    /// <summary>How many cities <see cref="NearestAsync"/> reads a page from first: the point's own and the next nearest.</summary>
    private const int NearCities = 2;

    /// <summary>
    /// What every search and alert filters on, written once: open, fits the worker's age, and every condition the
    /// worker gave; a null (or false) condition means any. The conditions are parameters because compiled queries
    /// take plain values: compiling skips EF Core's per-query translation work, half of a search's time at 50,000
    /// postings (tests/Pingtang.Benchmarks). <c>match</c> is the keywords' query for the database's index and
    /// <c>found</c> stands for that index's answer (<see cref="KeywordIndex"/>).
    /// </summary>
    private static readonly Expression<Func<JobPosting, bool, DateOnly, string?, string?, string?, string?, int?, bool, bool, int?, string?, bool>> Fits =
        (j, found, today, province, city, district, trade, pay, meals, housing, age, match) =>
            j.ClosedAt == null && j.ClosesOn >= today
            && (match == null || found)
            && (province == null || j.Province == province)
            && (city == null || j.City == city)
            && (district == null || j.District == district)
            && (trade == null || j.TradeGroup == trade)
            && (pay == null || j.PayCeiling >= pay)
            && (!meals || j.MealsProvided)
            && (!housing || j.HousingProvided)
            && (age == null || ((j.AgeMin == null || j.AgeMin <= age) && (j.AgeMax == null || j.AgeMax >= age)));

    private static readonly Expression<Func<JobPosting, JobSummary>> Summary =
        j => new JobSummary(j.Id, j.Title, j.City, j.District, j.MonthlyPayMin, j.MonthlyPayMax, j.DailyPay, j.MealsProvided, j.HousingProvided);

    private static readonly KeywordIndex OnSqlite = new(
        (j, match, db) => db.JobPostingTexts.Where(t => t.Match == match).Select(t => t.PostingId).Contains(j.Id),
        JobSearchTerms.Match);

    private static readonly KeywordIndex OnPostgres = new(
        (j, match, db) => JobTermsOnPostgres.Found(j.SearchTerms, match!),
        JobTermsOnPostgres.Query);

    /// <summary>One page of results. <paramref name="age"/> hides postings the worker is too young or too old for.</summary>
    public async Task<JobResults> FindAsync(JobQuery query, int? age, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        var today = ChinaTime.Today(time);
        // One connection for all the queries, instead of one opened and closed for each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var index = Index();
        var match = FullText(index, query);
        var (province, city, district, trade, pay, meals, housing) = (query.Province, query.City, query.District, query.TradeGroup, query.MinMonthlyPay, query.NeedsMeals, query.NeedsHousing);
        var total = await index.CountFitting(db, today, province, city, district, trade, pay, meals, housing, age, match, 0);
        var items = new List<JobSummary>(PageSize);
        if (IsPastTheEnd(total, page))
        {
            // Nothing on this page: a search that finds nothing (the dialog then tries wider ones) costs one query.
            return Results(items, total, page);
        }

        await foreach (var item in index.PageFitting(db, today, province, city, district, trade, pay, meals, housing, age, match, page * PageSize).WithCancellation(cancellationToken))
        {
            items.Add(item);
        }

        return Results(items, total, page);
    }

    /// <summary>
    /// One page of the open postings that fit the worker's age, nearest to <paramref name="point"/> first, each with
    /// its distance (<see cref="JobSummary.Kilometres"/>): the great-circle distance to its district's centroid, or
    /// its city's when the district is blank or one we do not know (<see cref="PlaceCentroids.OfPosting"/>); newest
    /// first within one place. A posting in a city we do not know is left out: it cannot be said to be near or far,
    /// and the ordinary search still finds it.
    /// </summary>
    /// <remarks>
    /// A capped count and one page, as <see cref="FindAsync"/>. The page is read first from the postings of the
    /// <see cref="NearCities"/> cities nearest the point, through the index that starts at the city: at 50,000
    /// postings a few thousand are ranked instead of all, 5 ms instead of 40. It is the true page when every posting on
    /// it is nearer than any place outside those cities; otherwise (few postings near, or a page far down the list)
    /// it is read again from all.
    /// </remarks>
    public async Task<JobResults> NearestAsync(GeoPoint point, int? age, int page, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var located = Matching(JobQuery.Anything, age, ChinaTime.Today(time)).Where(j => EF.Constant(PlaceRanks.Cities).Contains(j.City));
        var total = await located.Take(CountCap + 1).CountAsync(cancellationToken);
        if (IsPastTheEnd(total, page))
        {
            return Results([], total, page);
        }

        var ranks = PlaceRanks.From(point);
        var nearCities = ranks.NearestCities(NearCities);
        var items = await NearestPageAsync(located.Where(j => nearCities.Contains(j.City)), ranks, page, cancellationToken);
        var firstOutside = ranks.FirstOutside(nearCities);
        if (items.Count < PageSize || items.Any(j => ranks.Of(j.City, j.District) >= firstOutside))
        {
            items = await NearestPageAsync(located, ranks, page, cancellationToken);
        }

        return Results([.. items.Select(j => j with { Kilometres = PlaceCentroids.OfPosting(j.City, j.District)!.Value.KilometresTo(point) })], total, page);
    }

    /// <summary>An open posting with its station, or null when it does not exist or has closed.</summary>
    public Task<JobPosting?> FindOpenAsync(int postingId, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(time);
        return db.JobPostings
            .Include(j => j.Station)
            .SingleOrDefaultAsync(j => j.Id == postingId && j.ClosedAt == null && j.ClosesOn >= today, cancellationToken);
    }

    /// <summary>Open postings that fit the query and the worker's age, to compose further (the alerts do).</summary>
    public IQueryable<JobPosting> Matching(JobQuery query, int? age, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(query);
        var index = Index();
        var conditions = new Conditions(today, query.Province, query.City, query.District, query.TradeGroup, query.MinMonthlyPay, query.NeedsMeals, query.NeedsHousing, age, FullText(index, query));
        // Each condition of Fits becomes a property of the conditions, which EF Core sends as a query parameter.
        var values = Expression.Constant(conditions);
        var body = new Substitution([
            .. Fits.Parameters.Skip(2).Select(p => (p, (Expression)Expression.Property(values, Capitalized(p.Name!)))),
        ]).Visit(index.Filter(Expression.Constant(db)));
        return db.JobPostings.Where(Expression.Lambda<Func<JobPosting, bool>>(body, Fits.Parameters[0]));
    }

    /// <summary>
    /// The full-text expression of the keywords, or null without any. The place and trade join it: they are in every
    /// posting's indexed text, so the index narrows to the postings that also fit them (深圳 电子厂: from 4,324
    /// postings with 电子厂 to 371), and the database looks up far fewer rows. The columns still decide exactly.
    /// </summary>
    private static string? FullText(KeywordIndex index, JobQuery query) => query.Keywords.Count == 0
        ? null
        : index.Query([.. query.Keywords, .. new[] { query.District, query.City, query.Province, query.TradeGroup }.OfType<string>()]);

    private static Task<List<JobSummary>> NearestPageAsync(IQueryable<JobPosting> postings, PlaceRanks ranks, int page, CancellationToken cancellationToken) =>
        postings.OrderBy(ranks.Order).ThenByDescending(j => j.PostedOn).ThenByDescending(j => j.PayCeiling).ThenByDescending(j => j.Id)
            .Skip(page * PageSize).Take(PageSize).Select(Summary).ToListAsync(cancellationToken);

    /// <summary>A page past the results (or of none): nothing to read beyond the count.</summary>
    private static bool IsPastTheEnd(int total, int page) => total <= Math.Min(CountCap, page * PageSize);

    private static JobResults Results(IReadOnlyList<JobSummary> items, int total, int page) => new(items, Math.Min(total, CountCap), total > CountCap, page);

    private static string Capitalized(string name) => string.Concat(name[..1].ToUpperInvariant(), name[1..]);

    private KeywordIndex Index() => db.Database.IsNpgsql() ? OnPostgres : OnSqlite;

    /// <summary>
    /// How one database answers the keywords: the condition <see cref="Fits"/>'s <c>found</c> stands for (of a
    /// posting, the keywords' query and the context), the keywords as that condition's query, and the search's
    /// queries compiled with them.
    /// </summary>
    private sealed class KeywordIndex
    {
        private readonly Expression<Func<JobPosting, string?, PingtangDb, bool>> _found;

        public KeywordIndex(Expression<Func<JobPosting, string?, PingtangDb, bool>> found, Func<IEnumerable<string>, string?> query)
        {
            _found = found;
            Query = query;
            CountFitting = EF.CompileAsyncQuery(Over(static (IQueryable<JobPosting> postings, int skip) => postings.Take(CountCap + 1).Count()));
            PageFitting = EF.CompileAsyncQuery(Over(static (IQueryable<JobPosting> postings, int skip) =>
                postings.OrderByDescending(j => j.PostedOn).ThenByDescending(j => j.PayCeiling).ThenByDescending(j => j.Id).Skip(skip).Take(PageSize).Select(Summary)));
        }

        public Func<IEnumerable<string>, string?> Query { get; }

        public Func<PingtangDb, DateOnly, string?, string?, string?, string?, int?, bool, bool, int?, string?, int, Task<int>> CountFitting { get; }

        public Func<PingtangDb, DateOnly, string?, string?, string?, string?, int?, bool, bool, int?, string?, int, IAsyncEnumerable<JobSummary>> PageFitting { get; }

        /// <summary><see cref="Fits"/>'s body with this database's keyword condition, over the context <paramref name="db"/>.</summary>
        public Expression Filter(Expression db)
        {
            var found = new Substitution([(_found.Parameters[0], Fits.Parameters[0]), (_found.Parameters[1], Fits.Parameters[^1]), (_found.Parameters[2], db)]).Visit(_found.Body);
            return new Substitution([(Fits.Parameters[1], found)]).Visit(Fits.Body);
        }

        /// <summary>A compiled query over the postings that fit: <paramref name="then"/> applied to <see cref="Fits"/>'s result, with the conditions (and a skip) as parameters.</summary>
        private Expression<Func<PingtangDb, DateOnly, string?, string?, string?, string?, int?, bool, bool, int?, string?, int, TResult>> Over<TResult>(
            Expression<Func<IQueryable<JobPosting>, int, TResult>> then)
        {
            var db = Expression.Parameter(typeof(PingtangDb), "db");
            var fitting = Expression.Call(
                typeof(Queryable),
                nameof(Queryable.Where),
                [typeof(JobPosting)],
                Expression.Property(db, nameof(PingtangDb.JobPostings)),
                Expression.Quote(Expression.Lambda<Func<JobPosting, bool>>(Filter(db), Fits.Parameters[0])));
            var body = new Substitution([(then.Parameters[0], fitting)]).Visit(then.Body);
            return Expression.Lambda<Func<PingtangDb, DateOnly, string?, string?, string?, string?, int?, bool, bool, int?, string?, int, TResult>>(
                body, [db, .. Fits.Parameters.Skip(2), then.Parameters[1]]);
        }
    }

    /// <summary>The order workers see: newest first, then best paid (as in <see cref="KeywordIndex.PageFitting"/>).</summary>
    public static IOrderedQueryable<JobPosting> Newest(IQueryable<JobPosting> postings) =>
        postings.OrderByDescending(j => j.PostedOn).ThenByDescending(j => j.PayCeiling).ThenByDescending(j => j.Id);

    /// <summary>The postings as the one-line summaries a list shows.</summary>
    public static IQueryable<JobSummary> Summaries(IQueryable<JobPosting> postings) => postings.Select(Summary);
}

/// <summary>A page of results; <paramref name="Total"/> stops at <see cref="JobSearch.CountCap"/>, when <paramref name="MoreThanTotal"/> says there are more.</summary>
public sealed record JobResults(IReadOnlyList<JobSummary> Items, int Total, bool MoreThanTotal, int Page)
{
    public int PageCount => (Total + JobSearch.PageSize - 1) / JobSearch.PageSize;

    public bool HasNext => Items.Count == JobSearch.PageSize && (MoreThanTotal || Page + 1 < PageCount);
}

/// <summary>The one line a result takes: title · city · pay · 包吃住.</summary>
public sealed record JobSummary(int Id, string Title, string City, string District, int? MonthlyPayMin, int? MonthlyPayMax, int? DailyPay, bool MealsProvided, bool HousingProvided)
{
    /// <summary>From <see cref="JobSearch.NearestAsync"/>: how far the posting's place is from the point searched from; null from other searches.</summary>
    public double? Kilometres { get; init; }
}

/// <summary>The conditions of <c>JobSearch.Fits</c> as values, each named as its parameter.</summary>
internal sealed record Conditions(DateOnly Today, string? Province, string? City, string? District, string? Trade, int? Pay, bool Meals, bool Housing, int? Age, string? Match);

/// <summary>Puts expressions in place of parameters, to reuse one lambda's body inside another query.</summary>
internal sealed class Substitution(IEnumerable<(ParameterExpression Parameter, Expression Value)> replacements) : ExpressionVisitor
{
    private readonly Dictionary<ParameterExpression, Expression> _replacements = replacements.ToDictionary(r => r.Parameter, r => r.Value);

    protected override Expression VisitParameter(ParameterExpression node) => _replacements.GetValueOrDefault(node, node);
}
