using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Stations;

namespace Pingtang.Domain.Tests.Broadcasts;

/// <summary>A campaign's life on the real schema: approval, the fan-out onto the outbox, pause, resume, cancel, the report.</summary>
public sealed class CampaignsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_fan_out_queues_one_promotional_message_per_worker_in_batches_and_is_done_after_the_last()
    {
        var workers = await WorkersAsync(5);
        var campaign = await BroadcastData.SendingAsync(_database, choices: ["我要报名", "不需要"]);

        Assert.Equal(new FanOutBatch(2, false), await FanOutAsync(campaign));
        Assert.Equal(new FanOutBatch(2, false), await FanOutAsync(campaign));
        Assert.Equal(new FanOutBatch(1, true), await FanOutAsync(campaign));

        await using var db = _database.Open();
        var messages = await db.Outbox.OrderBy(m => m.WorkerId).ToListAsync();
        Assert.Equal(workers, messages.Select(m => m.WorkerId));
        Assert.All(messages, m => Assert.Equal((campaign, MessagePurpose.Promotional, Campaign.OutboxKind, Campaigns.Key(campaign, m.WorkerId)), (m.CampaignId!.Value, m.Purpose, m.Kind, m.Key)));
        Assert.All(messages, m => Assert.Equal((BroadcastData.Content().Text, OutboxState.Queued, _database.Clock.GetUtcNow(), 0), (m.Text, m.State, m.NotBefore, m.Attempts)));
        Assert.All(messages, m => Assert.Equal(["我要报名", "不需要"], m.Choices));
        var done = await db.Campaigns.SingleAsync();
        Assert.Equal((CampaignState.Done, workers[^1]), (done.State, done.FanOutCursor));
        Assert.Equal(5, (await new OutboxMessages(db, _database.Clock).LeaseAsync(10, TimeSpan.FromMinutes(1), default)).Count);
    }

    [Fact]
    public async Task A_fan_out_run_again_after_the_end_or_from_an_old_cursor_queues_nobody_twice()
    {
        await WorkersAsync(3);
        var campaign = await BroadcastData.SendingAsync(_database);
        await FanOutAsync(campaign, batch: 10);

        Assert.Equal(new FanOutBatch(0, true), await FanOutAsync(campaign));
        await using (var db = _database.Open())
        {
            // A run that died before its commit leaves the cursor where it was; the keys are the last word.
            await db.Campaigns.ExecuteUpdateAsync(s => s.SetProperty(c => c.FanOutCursor, 0).SetProperty(c => c.State, CampaignState.Sending));
        }

        Assert.Equal(new FanOutBatch(0, true), await FanOutAsync(campaign, batch: 10));
        await using var check = _database.Open();
        Assert.Equal(3, await check.Outbox.CountAsync());
    }

    [Fact]
    public async Task A_scheduled_campaign_starts_at_its_send_time_and_a_live_fan_out_run_is_not_given_it_twice()
    {
        await using var db = _database.Open();
        var campaigns = BroadcastData.Campaigns(db, _database);
        var campaign = await campaigns.DraftAsync(BroadcastData.Content(sendAt: _database.Clock.GetUtcNow().AddHours(1)), Station.CountyCentreId, 7, default);
        campaign.Schedule(approvedBy: 1, _database.Clock.GetUtcNow());
        await db.SaveChangesAsync();

        Assert.Empty(await campaigns.TakeDueAsync(default));
        _database.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal([campaign.Id], await campaigns.TakeDueAsync(default));
        Assert.Empty(await campaigns.TakeDueAsync(default));

        // The run that took it died: past its lease the minute job hands it out again.
        _database.Clock.Advance(Campaigns.FanOutLease + TimeSpan.FromSeconds(1));
        Assert.Equal([campaign.Id], await campaigns.TakeDueAsync(default));
    }

    [Fact]
    public async Task A_paused_campaign_holds_its_messages_and_queues_no_more_until_it_resumes_from_its_cursor()
    {
        var workers = await WorkersAsync(4);
        var campaign = await BroadcastData.SendingAsync(_database);
        await FanOutAsync(campaign);

        await ChangeAsync(campaign, (c, x) => c.PauseAsync(x, default));

        Assert.Equal(new FanOutBatch(0, true), await FanOutAsync(campaign));
        Assert.Equal([OutboxState.Held, OutboxState.Held], await StatesAsync());
        await using (var db = _database.Open())
        {
            Assert.Empty(await new OutboxMessages(db, _database.Clock).LeaseAsync(10, TimeSpan.FromMinutes(1), default));
        }

        await ChangeAsync(campaign, (c, x) => c.ResumeAsync(x, default));

        Assert.Equal([OutboxState.Queued, OutboxState.Queued], await StatesAsync());
        Assert.Equal(CampaignState.Sending, await StateAsync(campaign));
        await FanOutAsync(campaign);
        Assert.Equal(new FanOutBatch(0, true), await FanOutAsync(campaign));
        await using var check = _database.Open();
        Assert.Equal(workers, await check.Outbox.OrderBy(m => m.WorkerId).Select(m => m.WorkerId).ToListAsync());
    }

    [Fact]
    public async Task A_cancelled_campaign_skips_what_was_not_sent_held_or_not_and_queues_nothing_more()
    {
        await WorkersAsync(4);
        var campaign = await BroadcastData.SendingAsync(_database);
        await FanOutAsync(campaign);
        await using (var db = _database.Open())
        {
            var outbox = new OutboxMessages(db, _database.Clock);
            var leased = Assert.Single(await outbox.LeaseAsync(1, TimeSpan.FromMinutes(1), default));
            await outbox.RecordSentAsync([leased.Id], leased.LeaseId!.Value, "wechat", null, default);
        }

        await ChangeAsync(campaign, (c, x) => c.PauseAsync(x, default));
        await ChangeAsync(campaign, (c, x) => c.CancelAsync(x, default));

        Assert.Equal(new FanOutBatch(0, true), await FanOutAsync(campaign));
        Assert.Equal([OutboxState.Sent, OutboxState.Skipped], await StatesAsync());
        Assert.Equal([new SkipCount(Campaigns.CancelledReason, 1)], (await ReportAsync(campaign)).Skipped);
    }

    [Fact]
    public async Task The_report_counts_each_outcome_from_the_messages_with_the_reasons_for_skipping()
    {
        await WorkersAsync(6);
        var campaign = await BroadcastData.SendingAsync(_database);
        await FanOutAsync(campaign, batch: 10);
        await using (var db = _database.Open())
        {
            var outbox = new OutboxMessages(db, _database.Clock);
            var leased = await outbox.LeaseAsync(10, TimeSpan.FromMinutes(1), default);
            var lease = leased[0].LeaseId!.Value;
            await outbox.RecordSentAsync([leased[0].Id, leased[1].Id], lease, "wechat", null, default);
            await outbox.RecordSkippedAsync([leased[2].Id], lease, OutboxRules.NoConsent, default);
            await outbox.RecordSkippedAsync([leased[3].Id], lease, OutboxRules.Unsubscribed, default);
            await outbox.DeferAsync([leased[4].Id], lease, _database.Clock.GetUtcNow().AddHours(8), quietHours: true, default);
            await outbox.RecordFailedAsync(leased[5], lease, "HttpRequestException: down", default);
        }

        var report = await ReportAsync(campaign);

        Assert.Equal((1, 0, 2, 1, 0, 0, 0, 1, 6), (report.Queued, report.Sending, report.Sent, report.Failed, report.Dead, report.Held, report.Waiting, report.Deferred, report.Total));
        Assert.Equal(
            new HashSet<SkipCount> { new(OutboxRules.NoConsent, 1), new(OutboxRules.Unsubscribed, 1) },
            report.Skipped.ToHashSet());
    }

    [Fact]
    public async Task A_plan_key_makes_its_campaign_once()
    {
        await using var db = _database.Open();
        var campaigns = BroadcastData.Campaigns(db, _database);

        var first = await campaigns.DraftAsync(BroadcastData.Content(), Station.CountyCentreId, null, default, planKey: "return-2027:1");
        var again = await campaigns.DraftAsync(BroadcastData.Content() with { Title = "又一次" }, Station.CountyCentreId, null, default, planKey: "return-2027:1");

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1, await db.Campaigns.CountAsync());
    }

    [Fact]
    public void Only_a_draft_is_edited_or_approved_and_a_cancelled_campaign_stays_cancelled()
    {
        var now = TestDatabase.DefaultNow;
        var campaign = Campaign.Draft(BroadcastData.Content(), Station.CountyCentreId, 7, now);
        campaign.Schedule(approvedBy: 1, now);

        Assert.Equal("只有草稿可以修改", Assert.Throws<DomainException>(() => campaign.Edit(BroadcastData.Content())).Message);
        Assert.Equal("只有草稿可以排期发送", Assert.Throws<DomainException>(() => campaign.Schedule(1, now)).Message);
        campaign.Pause();
        campaign.Resume();
        Assert.Equal(CampaignState.Scheduled, campaign.State);
        campaign.Cancel(now);
        Assert.Throws<DomainException>(campaign.Resume);
        Assert.Throws<DomainException>(() => campaign.Cancel(now));
    }

    private async Task<List<int>> WorkersAsync(int count)
    {
        await using var db = _database.Open();
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await BroadcastData.WorkerAsync(db, _database.Clock));
        }

        return ids;
    }

    private async Task<FanOutBatch> FanOutAsync(int campaign, int batch = 2)
    {
        await using var db = _database.Open();
        return await BroadcastData.Campaigns(db, _database).FanOutAsync(campaign, default, batch);
    }

    private async Task ChangeAsync(int campaignId, Func<Campaigns, Campaign, Task> change)
    {
        await using var db = _database.Open();
        var campaigns = BroadcastData.Campaigns(db, _database);
        await change(campaigns, (await campaigns.FindAsync(campaignId, default))!);
    }

    private async Task<List<OutboxState>> StatesAsync()
    {
        await using var db = _database.Open();
        return await db.Outbox.OrderBy(m => m.Id).Select(m => m.State).ToListAsync();
    }

    private async Task<CampaignState> StateAsync(int campaign)
    {
        await using var db = _database.Open();
        return await db.Campaigns.Where(c => c.Id == campaign).Select(c => c.State).SingleAsync();
    }

    private async Task<CampaignReport> ReportAsync(int campaign)
    {
        await using var db = _database.Open();
        return await BroadcastData.Campaigns(db, _database).ReportAsync(campaign, default);
    }
}
