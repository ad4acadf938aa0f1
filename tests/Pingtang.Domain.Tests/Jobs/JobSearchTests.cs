using Pingtang.Domain.Jobs;
using Pingtang.Domain.Stations;

namespace Pingtang.Domain.Tests.Jobs;

public sealed class JobSearchTests : IAsyncLifetime
{
    private static readonly JobPostingDraft Factory = JobDrafts.Factory;

    private static readonly JobPostingDraft Baiyun = Factory with { ExternalId = "GZ-1", City = "广州", District = "白云区", Station = Station.GuangzhouBaiyun };

    private static readonly JobPostingDraft Pingtang = Factory with
    {
        ExternalId = "PT-1", Province = "贵州", City = "黔南州", District = "平塘县", Station = Station.CountyCentre,
    };

    /// <summary>A street in 大朗镇 (where <see cref="Factory"/> is), about 1 km from its centre.</summary>
    private static readonly GeoPoint InDalang = new(22.95, 113.94);


    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Structured_filters_narrow_by_place_trade_pay_and_board()
    {
        await AddAsync(
            Factory,
            Factory with { ExternalId = "GD-2", Title = "电工", Trade = "维修电工", MonthlyPayMin = 7000, MonthlyPayMax = 9000, MealsProvided = false },
            Factory with { ExternalId = "GZ-1", City = "广州市", District = "白云区", Station = Station.GuangzhouBaiyun },
            Factory with { ExternalId = "ZJ-1", Province = "浙江省", City = "宁波", District = "北仑区", Station = Station.CountyCentre });

        Assert.Equal(["GD-1", "GD-2", "GZ-1"], await FindAsync(new JobQuery { Province = Places.Guangdong }));
        Assert.Equal(["GD-1", "GD-2"], await FindAsync(new JobQuery { City = "东莞市" }));
        Assert.Equal(["GZ-1"], await FindAsync(new JobQuery { District = "白云区" }));
        Assert.Equal(["ZJ-1"], await FindAsync(new JobQuery { City = "宁波市" }));
        Assert.Equal(["GD-2"], await FindAsync(new JobQuery { TradeGroup = "电工" }));
        Assert.Equal(["GD-1", "GZ-1", "ZJ-1"], await FindAsync(new JobQuery { TradeGroup = "普工" }));
        Assert.Equal(["GD-2"], await FindAsync(new JobQuery { MinMonthlyPay = 7000 }));
        Assert.Equal(["GD-1", "GZ-1", "ZJ-1"], await FindAsync(new JobQuery { NeedsMeals = true, NeedsHousing = true }));
    }

    [Fact]
    public async Task Keywords_match_anywhere_in_the_text_through_the_bigram_index()
    {
        await AddAsync(
            Factory with { ExternalId = "GZ-PICK", Title = "辣椒采摘", Trade = "季节工", Province = "贵州", City = "黔南州", District = "平塘县", MonthlyPayMin = null, MonthlyPayMax = null, DailyPay = 150, Station = Station.CountyCentre },
            Factory with { ExternalId = "GD-FORK", Title = "仓库叉车司机", Trade = "叉车", Description = "物流园内作业" },
            Factory with { ExternalId = "GD-CAR", Title = "货车司机", Trade = "司机", Description = "跑长途" });

        Assert.Equal(["GZ-PICK"], await FindAsync(new JobQuery { Keywords = ["采摘"] }));
        Assert.Equal(["GD-FORK"], await FindAsync(new JobQuery { Keywords = ["叉车司机"] }));
        Assert.Equal(["GD-FORK"], await FindAsync(new JobQuery { Keywords = ["物流园"] }));
        Assert.Equal(["GD-CAR", "GD-FORK"], await FindAsync(new JobQuery { Keywords = ["司机"] }));
        Assert.Empty(await FindAsync(new JobQuery { Keywords = ["司机", "采摘"] }));
        Assert.Equal(["GZ-PICK"], await FindAsync(new JobQuery { Keywords = ["辣"] }));
    }

    [Fact]
    public async Task Updating_a_posting_keeps_the_text_index_in_step()
    {
        await AddAsync(Factory);
        await using (var db = _database.Open())
        {
            var posting = db.JobPostings.Single();
            posting.Update(Factory with { Title = "注塑车间操作工" }, posting.StationId, "第二次导入", _database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        Assert.Empty(await FindAsync(new JobQuery { Keywords = ["电子厂"] }));
        Assert.Equal(["GD-1"], await FindAsync(new JobQuery { Keywords = ["注塑"] }));
    }

    [Fact]
    public async Task Closed_and_expired_postings_never_show()
    {
        await AddAsync(Factory, Factory with { ExternalId = "GD-2", ClosesOn = new DateOnly(2026, 11, 30) }, Factory with { ExternalId = "GD-3" });
        await using (var db = _database.Open())
        {
            db.JobPostings.Single(j => j.ExternalId == "GD-3").Close(_database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        Assert.Equal(["GD-1", "GD-2"], await FindAsync(JobQuery.Anything));

        // 2026-12-01 00:30 in China: GD-2 closed on the 30th, although it is still the 30th in UTC.
        _database.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal(["GD-1"], await FindAsync(JobQuery.Anything));
    }

    [Fact]
    public async Task Worker_age_hides_postings_they_cannot_take()
    {
        await AddAsync(Factory, Factory with { ExternalId = "OLD", AgeMin = 40, AgeMax = 65 }, Factory with { ExternalId = "ANY", AgeMin = null, AgeMax = null });

        Assert.Equal(["ANY", "GD-1", "OLD"], await FindAsync(JobQuery.Anything, age: 40));
        Assert.Equal(["ANY", "OLD"], await FindAsync(JobQuery.Anything, age: 58));
        Assert.Equal(["ANY", "GD-1"], await FindAsync(JobQuery.Anything, age: 20));
        Assert.Equal(["ANY", "GD-1", "OLD"], await FindAsync(JobQuery.Anything, age: null));
    }

    [Fact]
    public async Task Results_come_newest_then_best_paid_five_to_a_page()
    {
        await AddAsync(Enumerable.Range(1, 7).Select(i => Factory with { ExternalId = $"OLD-{i}", MonthlyPayMax = 6000 + i }).ToArray());
        _database.Clock.Advance(TimeSpan.FromDays(1));
        await AddAsync(
            Factory with { ExternalId = "NEW-DAILY", MonthlyPayMin = null, MonthlyPayMax = null, DailyPay = 300 },
            Factory with { ExternalId = "NEW-LOW", MonthlyPayMax = 5500 });

        await using var db = _database.Open();
        var search = new JobSearch(db, _database.Clock);
        var first = await search.FindAsync(JobQuery.Anything, null, 0, default);
        var second = await search.FindAsync(JobQuery.Anything, null, 1, default);

        Assert.Equal(9, first.Total);
        Assert.Equal(2, first.PageCount);
        Assert.True(first.HasNext);
        Assert.False(second.HasNext);
        Assert.Equal(["电子厂普工"], first.Items.Select(j => j.Title).Distinct());
        Assert.Equal(
            ["NEW-DAILY", "NEW-LOW", "OLD-7", "OLD-6", "OLD-5", "OLD-4", "OLD-3", "OLD-2", "OLD-1"],
            await IdsAsync(first.Items.Concat(second.Items)));
    }

    [Fact]
    public async Task Counting_stops_at_the_cap_and_the_pages_go_on_past_it()
    {
        var count = JobSearch.CountCap + JobSearch.PageSize + 2;
        await AddAsync(Enumerable.Range(1, count).Select(i => Factory with { ExternalId = $"GD-{i}" }).ToArray());

        await using var db = _database.Open();
        var search = new JobSearch(db, _database.Clock);
        var first = await search.FindAsync(JobQuery.Anything, null, 0, default);
        var lastCounted = await search.FindAsync(JobQuery.Anything, null, (JobSearch.CountCap / JobSearch.PageSize) - 1, default);
        var beyond = await search.FindAsync(JobQuery.Anything, null, JobSearch.CountCap / JobSearch.PageSize, default);
        var last = await search.FindAsync(JobQuery.Anything, null, (JobSearch.CountCap / JobSearch.PageSize) + 1, default);

        Assert.Equal((JobSearch.CountCap, true), (first.Total, first.MoreThanTotal));
        Assert.True(lastCounted.HasNext);
        Assert.Equal(JobSearch.PageSize, beyond.Items.Count);
        Assert.True(beyond.HasNext);
        Assert.Equal(2, last.Items.Count);
        Assert.False(last.HasNext);
    }

    [Fact]
    public void Wider_searches_drop_the_narrowest_condition_first()
    {
        var query = new JobQuery { District = "大朗镇", TradeGroup = "电工", MinMonthlyPay = 8000, NeedsMeals = true, Keywords = ["夜班"] };

        Assert.Equal(
            [
                query with { Keywords = [] },
                query with { Keywords = [], MinMonthlyPay = null },
                query with { Keywords = [], MinMonthlyPay = null, NeedsMeals = false },
                new JobQuery { City = "东莞市", TradeGroup = "电工" },
                new JobQuery { Province = Places.Guangdong, TradeGroup = "电工" },
                new JobQuery { TradeGroup = "电工" },
                JobQuery.Anything,
            ],
            query.Wider());
    }

    [Fact]
    public void Widening_a_district_found_in_two_cities_goes_to_the_whole_country()
    {
        Assert.Equal([JobQuery.Anything], new JobQuery { District = "白云区" }.Wider());
    }

    [Fact]
    public async Task Applying_twice_records_one_application_and_closed_postings_refuse()
    {
        await AddAsync(Factory, Factory with { ExternalId = "GD-2" });
        await using var db = _database.Open();
        var worker = await new Pingtang.Domain.Workers.WorkerRegistry(db, _database.Clock).RegisterAsync(default);
        var postings = db.JobPostings.OrderBy(j => j.Id).ToList();
        postings[1].Close(_database.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        var applications = new JobApplications(db, _database.Clock);

        Assert.Equal(ApplyOutcome.Applied, await applications.ApplyAsync(worker.Id, postings[0].Id, default));
        Assert.Equal(ApplyOutcome.AlreadyApplied, await applications.ApplyAsync(worker.Id, postings[0].Id, default));
        Assert.Equal(ApplyOutcome.Closed, await applications.ApplyAsync(worker.Id, postings[1].Id, default));
        Assert.Single(await applications.ListAsync(postings[0].Id, default));
    }

    [Theory]
    [InlineData("操作工", "电子厂", "普工")]
    [InlineData("叉车司机", "", "叉车司机")]
    [InlineData("司机", "", "货车司机")]
    [InlineData("季节工", "蓝莓种植", TradeSynonyms.Seasonal)]
    [InlineData("保姆", "", "家政")]
    [InlineData("无", "直播带货主播", TradeSynonyms.Other)]
    public void Posting_trade_is_filed_under_its_group(string trade, string title, string group) =>
        Assert.Equal(group, TradeSynonyms.GroupOf(trade, title));

    [Fact]
    public void Short_place_names_are_stored_long()
    {
        Assert.Equal(new PlaceNames("广东省", "东莞市", "大朗镇"), Places.Normalize("广东", "东莞", "大朗"));
        Assert.Equal(new PlaceNames("贵州省", "黔南布依族苗族自治州", "平塘县"), Places.Normalize("贵州省", "黔南州", "平塘"));
        Assert.Equal(new PlaceNames("广东省", "某新区", ""), Places.Normalize(" 广东省 ", "某新区", ""));
    }

    [Fact]
    public void Every_city_and_district_of_the_place_table_has_a_point_and_distances_are_kilometres()
    {
        Assert.All(
            Places.Provinces.SelectMany(p => p.Cities).SelectMany(c => c.Districts.Select(d => (c.Name, d)).Prepend((c.Name, ""))),
            place => Assert.NotNull(PlaceCentroids.Of(place.Item1, place.Item2)));
        var guangzhou = PlaceCentroids.Of("广州市", "")!.Value;
        Assert.InRange(guangzhou.KilometresTo(PlaceCentroids.Of("贵阳市", "")!.Value), 700, 800);
        Assert.Null(GeoPoint.Of(999, 113));
        Assert.Null(GeoPoint.Of(double.NaN, 113));
    }

    [Fact]
    public void Every_district_lies_near_its_city_and_the_nearest_district_is_the_one_with_the_closest_point()
    {
        Assert.All(
            PlaceCentroids.All.Where(p => p.Key.District.Length > 0),
            p => Assert.InRange(p.Value.KilometresTo(PlaceCentroids.Of(p.Key.City, "")!.Value), 0, 150));
        Assert.Equal(("东莞市", "大朗镇"), PlaceCentroids.NearestDistrict(InDalang));
        Assert.Equal(("贵阳市", "白云区"), PlaceCentroids.NearestDistrict(new GeoPoint(26.69, 106.61)));
    }

    [Fact]
    public async Task Postings_come_nearest_place_first_and_newest_first_within_a_place()
    {
        await AddAsync(Pingtang, Baiyun, Factory);
        _database.Clock.Advance(TimeSpan.FromDays(1));
        await AddAsync(Factory with { ExternalId = "GD-NEW" });

        var results = await NearestAsync(InDalang);

        Assert.Equal(["GD-NEW", "GD-1", "GZ-1", "PT-1"], await IdsAsync(results.Items));
        Assert.Equal(4, results.Total);
        Assert.InRange(results.Items[0].Kilometres!.Value, 1.0, 1.2);
        Assert.InRange(results.Items[2].Kilometres!.Value, 70, 76);
        Assert.InRange(results.Items[3].Kilometres!.Value, 720, 770);
    }

    [Fact]
    public async Task A_district_the_table_does_not_list_counts_from_its_city_and_an_unknown_city_is_left_out()
    {
        await AddAsync(
            Factory with { ExternalId = "GD-CITY", District = "" },
            Factory with { ExternalId = "GD-TOWN", District = "某镇" },
            Factory with { ExternalId = "SH-1", Province = "上海市", City = "上海市", District = "浦东新区", Station = Station.CountyCentre },
            Baiyun);

        // Nearer to Dongguan's centre than to 大朗镇's.
        var results = await NearestAsync(new GeoPoint(23.03, 113.74));

        Assert.Equal(["GD-TOWN", "GD-CITY", "GZ-1"], await IdsAsync(results.Items));
        Assert.Equal(3, results.Total);
        Assert.Equal(PlaceCentroids.Of("东莞市", "")!.Value.KilometresTo(new GeoPoint(23.03, 113.74)), results.Items[0].Kilometres);
    }

    [Fact]
    public async Task A_place_of_a_farther_city_comes_before_the_farther_places_of_the_nearest_cities()
    {
        // From 大朗镇 the nearest cities are Dongguan and Shenzhen (光明区, 22 km), but 增城区 of Guangzhou (41 km) is nearer than 坪山区 of Shenzhen (50 km).
        await AddAsync([.. Enumerable.Range(1, 5).Select(i => Factory with { ExternalId = $"SZ-{i}", City = "深圳", District = "坪山区" }), Factory with { ExternalId = "GZ-ZC", City = "广州", District = "增城区" }]);

        var results = await NearestAsync(InDalang);

        Assert.Equal(["GZ-ZC", "SZ-5", "SZ-4", "SZ-3", "SZ-2"], await IdsAsync(results.Items));
        Assert.True(results.Items[0].Kilometres < results.Items[1].Kilometres);
    }

    [Fact]
    public async Task The_two_baiyun_districts_are_told_apart_by_their_city()
    {
        await AddAsync(Baiyun, Baiyun with { ExternalId = "GY-1", Province = "贵州", City = "贵阳", Station = Station.CountyCentre });

        Assert.Equal(["GY-1", "GZ-1"], await IdsAsync((await NearestAsync(new GeoPoint(26.68, 106.62))).Items));
        Assert.Equal(["GZ-1", "GY-1"], await IdsAsync((await NearestAsync(new GeoPoint(23.16, 113.27))).Items));
    }

    [Fact]
    public async Task Closed_expired_and_age_barred_postings_never_show()
    {
        await AddAsync(
            Factory,
            Factory with { ExternalId = "GD-EXPIRED", ClosesOn = new DateOnly(2026, 11, 29) },
            Factory with { ExternalId = "GD-CLOSED" },
            Factory with { ExternalId = "GD-YOUNG", AgeMax = 30 });
        await using (var db = _database.Open())
        {
            db.JobPostings.Single(j => j.ExternalId == "GD-CLOSED").Close(_database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        _database.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(["GD-1"], await IdsAsync((await NearestAsync(InDalang, age: 40)).Items));
    }

    [Fact]
    public async Task Results_come_five_to_a_page()
    {
        await AddAsync([.. Enumerable.Range(1, 6).Select(i => Factory with { ExternalId = $"GD-{i}", MonthlyPayMax = 6000 + i }), Pingtang]);

        var first = await NearestAsync(InDalang);
        var second = await NearestAsync(InDalang, page: 1);
        var beyond = await NearestAsync(InDalang, page: 2);

        Assert.Equal((7, 2, true), (first.Total, first.PageCount, first.HasNext));
        Assert.Equal(["GD-6", "GD-5", "GD-4", "GD-3", "GD-2"], await IdsAsync(first.Items));
        Assert.Equal(["GD-1", "PT-1"], await IdsAsync(second.Items));
        Assert.False(second.HasNext);
        Assert.Empty(beyond.Items);
    }

    private async Task AddAsync(params JobPostingDraft[] drafts)
    {
        await using var db = _database.Open();
        var stations = db.Stations.ToDictionary(s => s.Name, s => s.Id);
        foreach (var draft in drafts)
        {
            Assert.Empty(draft.Validate(ChinaTime.Today(_database.Clock), stations.Keys.ToHashSet()));
            db.JobPostings.Add(JobPosting.Create(draft, stations[draft.Station], "测试", _database.Clock.GetUtcNow()));
        }

        await db.SaveChangesAsync();
    }

    private async Task<List<string>> FindAsync(JobQuery query, int? age = null)
    {
        await using var db = _database.Open();
        var results = await new JobSearch(db, _database.Clock).FindAsync(query, age, 0, default);
        return (await IdsAsync(results.Items)).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<JobResults> NearestAsync(GeoPoint point, int? age = null, int page = 0)
    {
        await using var db = _database.Open();
        return await new JobSearch(db, _database.Clock).NearestAsync(point, age, page, default);
    }

    private async Task<List<string>> IdsAsync(IEnumerable<JobSummary> items)
    {
        await using var db = _database.Open();
        var ids = items.Select(i => i.Id).ToList();
        var external = db.JobPostings.Where(j => ids.Contains(j.Id)).ToDictionary(j => j.Id, j => j.ExternalId);
        return ids.Select(id => external[id]).ToList();
    }
}
