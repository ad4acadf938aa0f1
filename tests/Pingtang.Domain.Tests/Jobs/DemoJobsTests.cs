using Microsoft.Extensions.Logging.Abstractions;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Sheets;
using Pingtang.Domain.Stations;

namespace Pingtang.Domain.Tests.Jobs;

public sealed class DemoJobsTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static readonly IReadOnlySet<string> Stations = new HashSet<string> { Station.CountyCentre, Station.GuangzhouBaiyun, Station.DongguanDalang };

    private static readonly IReadOnlyList<JobPostingDraft> Drafts = [.. DemoJobs.Generate(3000, Today)];

    [Fact]
    public void Every_draft_is_a_valid_posting_closing_in_the_future()
    {
        Assert.All(Drafts, d => Assert.Empty(d.Validate(Today, Stations)));
        Assert.All(Drafts, d => Assert.True(d.ClosesOn > Today));
    }

    [Fact]
    public void Drafts_cover_every_trade_group_and_the_three_provinces() =>
        Assert.Multiple(
            () => Assert.Equal(TradeSynonyms.Groups.Keys.ToHashSet(), Drafts.Select(d => TradeSynonyms.GroupOf(d.Trade, d.Title)).ToHashSet()),
            () => Assert.Equal(Places.Provinces.Select(p => p.Name).ToHashSet(), Drafts.Select(d => d.Province).ToHashSet()));

    [Fact]
    public void Places_are_real_places_of_the_gazetteer() =>
        Assert.All(Drafts, d => Assert.Contains(
            Places.Provinces.Single(p => p.Name == d.Province).Cities.Single(c => c.Name == d.City).Districts,
            district => district == d.District));

    [Fact]
    public void Guangdong_postings_go_through_the_stations_there_and_the_rest_through_the_county()
    {
        Assert.All(Drafts.Where(d => d.City is "广州市" or "佛山市"), d => Assert.Equal(Station.GuangzhouBaiyun, d.Station));
        Assert.All(Drafts.Where(d => d.City is "东莞市" or "深圳市"), d => Assert.Equal(Station.DongguanDalang, d.Station));
        Assert.All(Drafts.Where(d => d.Province != Places.Guangdong), d => Assert.Equal(Station.CountyCentre, d.Station));
    }

    [Fact]
    public void Seasonal_farm_work_is_in_guizhou_paid_by_the_day_and_open_to_older_workers()
    {
        var seasonal = Drafts.Where(d => TradeSynonyms.GroupOf(d.Trade, d.Title) == TradeSynonyms.Seasonal).ToList();

        Assert.All(seasonal, d => Assert.Equal((Places.Guizhou, true), (d.Province, d.DailyPay > 0)));
        Assert.All(seasonal, d => Assert.True(d.AgeMax is null or >= 65));
        Assert.Contains(seasonal, d => d.AgeMax is null);
        Assert.Equal(new HashSet<string> { "辣椒采摘", "蓝莓种植", "茶叶采摘", "果园" }, seasonal.Select(d => d.Trade).ToHashSet());
    }

    [Fact]
    public void Gig_work_is_at_the_county_gig_market_paid_by_the_day()
    {
        var gigs = Drafts.Where(d => d.Title.StartsWith("零工市场", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(gigs);
        Assert.All(gigs, d => Assert.Equal((Places.Pingtang, Station.CountyCentre, true, null), (d.District, d.Station, d.DailyPay > 0, d.MonthlyPayMin)));
    }

    [Fact]
    public void Monthly_pay_is_realistic_for_the_region()
    {
        var monthly = Drafts.Where(d => d.MonthlyPayMin is not null).ToList();

        Assert.All(monthly, d => Assert.InRange(d.MonthlyPayMin!.Value, 2_500, 12_000));
        Assert.All(monthly, d => Assert.True(d.MonthlyPayMax is null || d.MonthlyPayMax > d.MonthlyPayMin));
        Assert.True(monthly.Where(d => d.Province == Places.Guizhou).Average(d => d.MonthlyPayMin!.Value)
            < monthly.Where(d => d.Province == Places.Guangdong).Average(d => d.MonthlyPayMin!.Value));
        Assert.Contains(Drafts, d => d.MealsProvided && d.HousingProvided);
        Assert.Contains(Drafts, d => !d.MealsProvided && !d.HousingProvided);
    }

    [Fact]
    public void The_same_seed_makes_the_same_postings_with_numbered_external_ids()
    {
        Assert.Equal(Drafts.Take(100), DemoJobs.Generate(100, Today));
        Assert.Equal(["DEMO-000001", "DEMO-000002"], Drafts.Take(2).Select(d => d.ExternalId));
        Assert.Equal(Drafts.Count, Drafts.Select(d => d.ExternalId).Distinct().Count());
    }

    [Fact]
    public async Task Seeding_twice_updates_rather_than_duplicates()
    {
        await using var database = await TestDatabase.CreateAsync();

        var first = await SeedAsync(database);
        var second = await SeedAsync(database);

        Assert.Equal((1200, 0, 0), (first.Added, first.Updated, first.Skipped));
        Assert.Equal((0, 1200, 0), (second.Added, second.Updated, second.Skipped));
        await using var db = database.Open();
        Assert.Equal(1200, db.JobPostings.Count());
        Assert.Equal(DemoJobs.Source, db.JobPostings.Select(j => j.Source).Distinct().Single());
    }

    private static async Task<ImportReport> SeedAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var today = ChinaTime.Today(database.Clock);
        return await new JobImport(db, database.Clock, NullLogger<JobImport>.Instance).ImportDraftsAsync(DemoJobs.Generate(1200, today), 1200, DemoJobs.Source, null, CancellationToken.None);
    }
}
