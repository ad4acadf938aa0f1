using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Outbox;

namespace Pingtang.Domain.Tests.Broadcasts;

/// <summary>The default plan for 春节 2027 (6 February): sign-up opens 2027-01-13, reminder 01-30, job fair 02-15.</summary>
public sealed class SeasonPlannerTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("2026-12-01", 2027)]
    [InlineData("2027-02-06", 2027)]
    [InlineData("2027-04-07", 2027)]
    [InlineData("2027-04-08", 2028)]
    [InlineData("2026-04-18", 2026)]
    public void The_coming_season_is_that_of_the_next_Spring_Festival_until_60_days_after_it(string today, int season) =>
        Assert.Equal(season, SeasonPlanner.SeasonOf(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Each_step_becomes_one_draft_two_weeks_before_its_day_however_often_the_job_runs()
    {
        At(2026, 12, 29);
        Assert.Equal(0, await DraftDueAsync());

        At(2026, 12, 30);
        Assert.Equal(1, await DraftDueAsync());
        Assert.Equal(0, await DraftDueAsync());
        await Task.WhenAll(DraftDueAsync(), DraftDueAsync());

        await using var db = _database.Open();
        var draft = await db.Campaigns.SingleAsync();
        Assert.Equal(("season-2027:signup-opens", CampaignState.Draft), (draft.PlanKey, draft.State));
        Assert.Equal(new DateTimeOffset(2027, 1, 13, 2, 0, 0, TimeSpan.Zero), draft.SendAt);
        Assert.Null(draft.ApprovedBy);
        Assert.Empty(await db.Outbox.ToListAsync());
    }

    [Fact]
    public async Task A_step_whose_day_passed_while_the_service_was_down_is_not_drafted_late()
    {
        At(2027, 1, 17);

        Assert.Equal(1, await DraftDueAsync());

        await using var db = _database.Open();
        Assert.Equal("season-2027:signup-reminder", (await db.Campaigns.SingleAsync()).PlanKey);
    }

    [Fact]
    public async Task An_edited_step_drafts_with_its_new_day_time_and_text_and_a_disabled_one_not_at_all()
    {
        await using (var db = _database.Open())
        {
            var planner = Planner(db);
            var steps = await planner.StepsAsync(default);
            var fair = steps.Single(s => s.Key == "job-fair");
            await planner.ChangeAsync(fair.Id, fair.Details with { OffsetDays = 12, SendAt = new TimeOnly(9, 30), Text = "正月十三县体育馆招聘会，回复「岗位」看岗位。" }, default);
            var opens = steps.Single(s => s.Key == "signup-opens");
            await planner.ChangeAsync(opens.Id, opens.Details with { Enabled = false }, default);
        }

        At(2027, 2, 4);
        Assert.Equal(1, await DraftDueAsync());

        await using var check = _database.Open();
        var draft = await check.Campaigns.SingleAsync();
        Assert.Equal(("season-2027:job-fair", "正月十三县体育馆招聘会，回复「岗位」看岗位。"), (draft.PlanKey, draft.Text));
        Assert.Equal(new DateTimeOffset(2027, 2, 18, 1, 30, 0, TimeSpan.Zero), draft.SendAt);
    }

    [Fact]
    public async Task A_step_cannot_be_moved_out_of_the_season_or_given_an_empty_text()
    {
        await using var db = _database.Open();
        var planner = Planner(db);
        var step = (await planner.StepsAsync(default))[0];

        var far = await Assert.ThrowsAsync<DomainException>(() => planner.ChangeAsync(step.Id, step.Details with { OffsetDays = -200 }, default));
        var empty = await Assert.ThrowsAsync<DomainException>(() => planner.ChangeAsync(step.Id, step.Details with { Text = " " }, default));

        Assert.Contains("-90", far.Message, StringComparison.Ordinal);
        Assert.Contains("内容", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_lists_the_whole_season_in_order_with_lunar_days_drafts_and_departure_eves()
    {
        await using (var db = _database.Open())
        {
            await ReturnTrips.TripData.PlanAsync(db, ReturnTrips.TripData.Guangzhou);
            var consenting = await BroadcastData.WorkerAsync(db, _database.Clock, consents: true);
            await BroadcastData.AddressAsync(db, consenting, "directline");
            await BroadcastData.WorkerAsync(db, _database.Clock, consents: false);
        }

        At(2026, 12, 30);
        await DraftDueAsync();

        await using var check = _database.Open();
        var items = await Planner(check).PreviewAsync(2027, default);

        Assert.Equal(
            [new DateOnly(2027, 1, 13), new DateOnly(2027, 1, 30), new DateOnly(2027, 2, 8), new DateOnly(2027, 2, 10), new DateOnly(2027, 2, 15)],
            items.Select(i => i.Date));
        Assert.Equal("正月初三", items[2].LunarDay.ToString());
        Assert.Equal("正月初五", items[3].LunarDay.ToString());
        Assert.Equal("正月初十", items[4].LunarDay.ToString());
        Assert.Equal(12, items[0].LunarDay.Month);
        Assert.NotNull(items[0].CampaignId);
        Assert.Null(items[1].CampaignId);
        Assert.Equal(new DateOnly(2027, 1, 16), items[1].DraftOn);
        Assert.Equal(1, items[0].Recipients);
        Assert.Equal((3, 1), (items[2].DaysBefore, items[3].DaysBefore));
        Assert.NotNull(items[3].DepartureId);
    }

    private void At(int year, int month, int day) => _database.Clock.SetUtcNow(ChinaTime.At(new DateOnly(year, month, day), new TimeOnly(6, 0)));

    private async Task<int> DraftDueAsync()
    {
        await using var db = _database.Open();
        return await Planner(db).DraftDueAsync(default);
    }

    private SeasonPlanner Planner(PingtangDb db) => new(db, new Campaigns(db, new OutboxMessages(db, _database.Clock), _database.Clock), _database.Clock);
}
