using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Domain.Stations;

namespace Pingtang.Domain.Jobs;

/// <summary>
/// A job posting (岗位) a station vouches for, imported from its spreadsheet. Identified by the station's
/// 外部编号 so a re-import updates it instead of adding a copy.
/// </summary>
public sealed class JobPosting
{
    /// <summary>A month of gig work, for comparing a daily wage with monthly pay.</summary>
    public const int WorkDaysPerMonth = 26;

    public const int SourceMaxLength = 128;

    private JobPosting()
    {
    }

    public int Id { get; private set; }

    public string ExternalId { get; private set; } = "";

    public string Title { get; private set; } = "";

    /// <summary>工种 as the station wrote it, e.g. 操作工.</summary>
    public string Trade { get; private set; } = "";

    /// <summary>The trade group searches use, one of <see cref="Workers.Trades.Common"/>: 操作工 is 普工.</summary>
    public string TradeGroup { get; private set; } = "";

    public string Employer { get; private set; } = "";

    public string Province { get; private set; } = "";

    public string City { get; private set; } = "";

    public string District { get; private set; } = "";

    public int? MonthlyPayMin { get; private set; }

    public int? MonthlyPayMax { get; private set; }

    /// <summary>日薪, for gig and seasonal work.</summary>
    public int? DailyPay { get; private set; }

    /// <summary>The best monthly pay the posting offers (a daily wage times <see cref="WorkDaysPerMonth"/>): what pay searches and ordering compare.</summary>
    public int PayCeiling { get; private set; }

    public bool MealsProvided { get; private set; }

    public bool HousingProvided { get; private set; }

    public int? AgeMin { get; private set; }

    public int? AgeMax { get; private set; }

    public int Headcount { get; private set; }

    public int StationId { get; private set; }

    public Station? Station { get; private set; }

    public DateOnly PostedOn { get; private set; }

    public DateOnly ClosesOn { get; private set; }

    /// <summary>Set when staff withdraw the posting before its closing date.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>Where the row came from: the imported file's name, or the demo generator.</summary>
    public string Source { get; private set; } = "";

    /// <summary>CJK bigrams of the searchable text, kept in the full-text index by database triggers.</summary>
    public string SearchTerms { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsOpen(DateOnly today) => ClosedAt is null && ClosesOn >= today;

    public bool Admits(int? age) => age is not { } a || ((AgeMin is null || a >= AgeMin) && (AgeMax is null || a <= AgeMax));

    /// <summary>A posting from a draft that <see cref="JobPostingDraft.Validate"/> accepted.</summary>
    public static JobPosting Create(JobPostingDraft draft, int stationId, string source, DateTimeOffset now)
    {
        var posting = new JobPosting { ExternalId = draft.ExternalId, PostedOn = ChinaTime.DateOf(now) };
        posting.Update(draft, stationId, source, now);
        return posting;
    }

    /// <summary>Takes the re-imported row's values; the posting keeps its id and posted date.</summary>
    public void Update(JobPostingDraft draft, int stationId, string source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var place = Places.Normalize(draft.Province, draft.City, draft.District);
        Title = draft.Title.Trim();
        Trade = draft.Trade.Trim();
        TradeGroup = TradeSynonyms.GroupOf(Trade, Title);
        Employer = draft.Employer.Trim();
        Province = place.Province;
        City = place.City;
        District = place.District;
        MonthlyPayMin = draft.MonthlyPayMin;
        MonthlyPayMax = draft.MonthlyPayMax;
        DailyPay = draft.DailyPay;
        PayCeiling = Math.Max(draft.MonthlyPayMax ?? draft.MonthlyPayMin ?? 0, (draft.DailyPay ?? 0) * WorkDaysPerMonth);
        MealsProvided = draft.MealsProvided;
        HousingProvided = draft.HousingProvided;
        AgeMin = draft.AgeMin;
        AgeMax = draft.AgeMax;
        Headcount = draft.Headcount;
        StationId = stationId;
        ClosesOn = draft.ClosesOn;
        ClosedAt = null;
        Description = draft.Description?.Trim() ?? "";
        Source = source;
        SearchTerms = JobSearchTerms.Of(Title, Trade, TradeGroup, Employer, Province, City, District, Description);
        UpdatedAt = now;
    }

    public void Close(DateTimeOffset now) => ClosedAt ??= now;
}

internal sealed class JobPostingConfiguration : IEntityTypeConfiguration<JobPosting>
{
    public void Configure(EntityTypeBuilder<JobPosting> builder)
    {
        builder.Property(j => j.ExternalId).HasMaxLength(JobPostingDraft.ExternalIdMaxLength);
        builder.Property(j => j.Title).HasMaxLength(JobPostingDraft.TitleMaxLength);
        builder.Property(j => j.Trade).HasMaxLength(JobPostingDraft.ShortTextMaxLength);
        builder.Property(j => j.TradeGroup).HasMaxLength(JobPostingDraft.ShortTextMaxLength);
        builder.Property(j => j.Employer).HasMaxLength(JobPostingDraft.EmployerMaxLength);
        builder.Property(j => j.Province).HasMaxLength(JobPostingDraft.ShortTextMaxLength);
        builder.Property(j => j.City).HasMaxLength(JobPostingDraft.ShortTextMaxLength);
        builder.Property(j => j.District).HasMaxLength(JobPostingDraft.ShortTextMaxLength);
        builder.Property(j => j.Description).HasMaxLength(JobPostingDraft.DescriptionMaxLength);
        builder.Property(j => j.Source).HasMaxLength(JobPosting.SourceMaxLength);
        builder.HasIndex(j => j.ExternalId).IsUnique();
        builder.HasOne(j => j.Station).WithMany().HasForeignKey(j => j.StationId).OnDelete(DeleteBehavior.Restrict);

        // Searches read these two indexes and never the wide rows, except for the five shown: each index walks in
        // the result order (newest, best paid, then id) and holds every column a search filters on. A search for a
        // trade starts at that trade; any other walks the first index until it has a page, and counts up to
        // JobSearch.CountCap. Measured by tests/Pingtang.Benchmarks: narrower per-filter indexes made the database
        // read whole rows to check the rest, ten times slower at 50,000 postings.
        builder.HasIndex(j => new
        {
            j.PostedOn, j.PayCeiling, j.Id, j.ClosesOn, j.ClosedAt, j.AgeMin, j.AgeMax, j.TradeGroup, j.Province, j.City, j.District, j.MealsProvided, j.HousingProvided,
        }).HasDatabaseName("IX_JobPostings_Newest");
        builder.HasIndex(j => new
        {
            j.TradeGroup, j.PostedOn, j.PayCeiling, j.Id, j.ClosesOn, j.ClosedAt, j.AgeMin, j.AgeMax, j.Province, j.City, j.District, j.MealsProvided, j.HousingProvided,
        }).HasDatabaseName("IX_JobPostings_TradeNewest");

        // The postings nearest a shared location (JobSearch.NearestAsync) are ranked by their place, from the cities
        // nearest to it: this index starts at the city and holds what that search filters and ranks on, so it reads
        // those cities' postings and no others: 5 ms at 50,000 postings, where walking past the others took 30.
        builder.HasIndex(j => new { j.City, j.District, j.PostedOn, j.PayCeiling, j.Id, j.ClosesOn, j.ClosedAt, j.AgeMin, j.AgeMax })
            .HasDatabaseName("IX_JobPostings_Place");
    }
}
