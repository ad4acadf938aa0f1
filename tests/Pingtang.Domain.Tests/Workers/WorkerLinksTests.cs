using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Tests.Broadcasts;
using Pingtang.Domain.Tests.Complaints;
using Pingtang.Domain.Tests.Jobs;
using Pingtang.Domain.Tests.ReturnTrips;
using Pingtang.Domain.Tests.Training;
using Pingtang.Domain.Training;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Workers;

/// <summary>
/// A number another worker's profile has is the asker's only with the code sent to that worker; the right code makes
/// the two one worker, the number's owner staying with everything the other had. The owner, 王师傅, was met first on
/// the web page; the asker writes from WeChat.
/// </summary>
public sealed class WorkerLinksTests : IAsyncLifetime
{
    private const string Mobile = "13812345678";

    private TestDatabase _database = null!;
    private int _owner;
    private int _asker;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.Open();
        var registry = new WorkerRegistry(db, _database.Clock);
        _owner = (await registry.RegisterAsync(default)).Id;
        await registry.SaveProfileAsync(_owner, WorkerProfile.Empty with { Name = "王师傅", Mobile = Mobile, BirthYear = 1985, AcceptsReminders = true }, default);
        _asker = (await registry.RegisterAsync(default)).Id;
        await registry.SaveProfileAsync(_asker, WorkerProfile.Empty with { Name = "小王", BirthYear = 1990, HomeTownship = "掌布镇", CurrentCity = "东莞" }, default);
        await BroadcastData.AddressAsync(db, _owner, "directline");
        await BroadcastData.AddressAsync(db, _asker, "wechat");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_number_nobody_has_is_saved_at_once()
    {
        Assert.IsType<MobileClaim.Saved>(await ClaimAsync(_asker, "13900001111"));

        Assert.Equal("13900001111", (await WorkerAsync(_asker)).Mobile);
        Assert.Empty(await LinksAsync());
    }

    [Fact]
    public async Task A_number_another_profile_has_is_not_saved_and_its_owner_is_sent_a_code_at_once_even_after_unsubscribing()
    {
        await using (var db = _database.Open())
        {
            await new WorkerRegistry(db, _database.Clock).UnsubscribeAsync(_owner, default);
        }

        var sent = Assert.IsType<MobileClaim.CodeSent>(await ClaimAsync(_asker, Mobile));

        Assert.Null((await WorkerAsync(_asker)).Mobile);
        Assert.Equal(_database.Clock.GetUtcNow() + TimeSpan.FromMinutes(15), sent.ExpiresAt);
        var code = await CodeAsync();
        await using var check = _database.Open();
        var message = await check.Outbox.SingleAsync();
        Assert.Equal((_owner, MessagePurpose.Reply, WorkerLinkNotices.CodeKind), (message.WorkerId, message.Purpose, message.Kind));
        Assert.Contains($"请在那边回复这个数字：{code}", message.Text, StringComparison.Ordinal);
        Assert.Contains("不是您本人请不要告诉任何人", message.Text, StringComparison.Ordinal);
        Assert.IsType<OutboxDecision.Send>(OutboxRules.Decide(message.Purpose, acceptsReminders: false, TestDatabase.DefaultNow.AddHours(14), QuietHours.Default, unsubscribed: true));
    }

    [Fact]
    public async Task Typing_the_number_without_the_code_gives_the_asker_nothing_of_the_owners()
    {
        var session = await PlanSessionAsync(TrainingData.Welding);
        await EnrolAsync(_owner, session);

        await ClaimAsync(_asker, Mobile);
        await ClaimAsync(_asker, Mobile);

        await using var db = _database.Open();
        Assert.Empty(await new Enrolments(db, _database.Clock).ListAsync(_asker, default));
        var asker = await WorkerAsync(_asker);
        Assert.Equal(("小王", (string?)null, (int?)1990), (asker.Name, asker.Mobile, asker.BirthYear));
        Assert.Single(await LinksAsync(), l => l.State == WorkerLinkState.Pending);
    }

    [Fact]
    public async Task The_right_code_makes_the_owner_the_worker_of_everything_the_asker_had_and_leaves_an_empty_tombstone()
    {
        var (factory, shop) = await PostAsync("电子厂普工", "仓库叉车工");
        await ApplyAsync(_asker, factory);
        await ApplyAsync(_asker, shop);
        await ApplyAsync(_owner, factory);
        await using (var db = _database.Open())
        {
            await new SavedSearches(db, _database.Clock).SaveAsync(_asker, new JobQuery { City = "东莞市" }, default);
        }

        var session = await PlanSessionAsync(TrainingData.Welding with { Seats = 10 });
        await EnrolAsync(_asker, session);
        var complaint = await _database.FileAsync(Cases.Arrears, _asker);
        var trip = await PlanTripAsync();
        await SignUpAsync(_asker, trip, "小王", "13900002222");
        await QueueAsync(_asker, "wechat:1:1");

        var answer = await ClaimAndConfirmAsync();

        Assert.Equal(new LinkAnswer.Linked(_owner), answer);
        await using var check = _database.Open();
        Assert.Equal([factory, shop], await check.JobApplications.Where(a => a.WorkerId == _owner).Select(a => a.JobPostingId).Order().ToListAsync());
        Assert.Equal(_owner, (await check.SavedSearches.SingleAsync()).WorkerId);
        Assert.Equal(_owner, (await check.Enrolments.SingleAsync()).WorkerId);
        Assert.Equal(_owner, (await check.Complaints.SingleAsync(c => c.Id == complaint.Id)).WorkerId);
        var booking = await check.TripBookings.Include(b => b.Travellers).SingleAsync();
        Assert.Equal((_owner, _owner), (booking.WorkerId, booking.Travellers.Single().WorkerId));
        Assert.Equal(_owner, (await check.Outbox.SingleAsync(m => m.Key == "wechat:1:1")).WorkerId);

        var owner = await check.Workers.SingleAsync(w => w.Id == _owner);
        Assert.Equal(("王师傅", Mobile, 1985, "掌布镇", "东莞", true), (owner.Name, owner.Mobile, owner.BirthYear, owner.HomeTownship, owner.CurrentCity, owner.AcceptsReminders));
        var tombstone = await check.Workers.SingleAsync(w => w.Id == _asker);
        Assert.Equal((_owner, null, null, null, false), (tombstone.MergedIntoId, tombstone.Name, tombstone.BirthYear, tombstone.CurrentCity, tombstone.HasProfile));
        Assert.Equal(1, (await CampaignAudience.SizeAsync(check, Audience.Everyone, TrainingData.Today, default)).Total);

        var audit = await check.AuditLog.SingleAsync();
        Assert.Equal((AuditKind.Action, WorkerLinkNotices.WorkerAccount, $"务工人员 {_asker} 并入 {_owner}"), (audit.Kind, audit.Account, audit.Target));
        Assert.Equal(WorkerLinkState.Linked, (await LinksAsync()).Single().State);
    }

    [Fact]
    public async Task A_stop_said_on_either_channel_holds_for_the_worker_they_become()
    {
        await using (var db = _database.Open())
        {
            await new WorkerRegistry(db, _database.Clock).UnsubscribeAsync(_asker, default);
        }

        await ClaimAndConfirmAsync();

        var owner = await WorkerAsync(_owner);
        Assert.Equal((false, TestDatabase.DefaultNow), (owner.AcceptsReminders, owner.UnsubscribedAt));
    }

    [Fact]
    public async Task Both_enrolled_in_one_session_keep_one_enrolment_and_the_seat_freed_goes_to_the_next_one_waiting()
    {
        var session = await PlanSessionAsync(TrainingData.Welding with { Seats = 2 });
        var asked = await EnrolAsync(_asker, session);
        await EnrolAsync(_owner, session);
        int waiting;
        await using (var db = _database.Open())
        {
            waiting = (await TrainingData.WorkersAsync(db, _database.Clock, 1))[0];
        }

        Assert.IsType<EnrolResult.Waiting>(await EnrolAsync(waiting, session));

        await ClaimAndConfirmAsync();

        await using var check = _database.Open();
        var enrolments = await check.Enrolments.OrderBy(e => e.Id).Select(e => new { e.WorkerId, e.Status }).ToListAsync();
        Assert.Equal(
            [new { WorkerId = _owner, Status = EnrolmentStatus.Cancelled }, new { WorkerId = _owner, Status = EnrolmentStatus.Confirmed }, new { WorkerId = waiting, Status = EnrolmentStatus.Confirmed }],
            enrolments);
        Assert.Equal(2, (await check.TrainingSessions.SingleAsync()).SeatsTaken);
        Assert.Equal(waiting, (await check.Outbox.SingleAsync(m => m.Kind == TrainingNotices.PromotedKind)).WorkerId);
        Assert.IsType<EnrolResult.Confirmed>(asked);
    }

    [Fact]
    public async Task A_seat_beats_a_waiting_place_when_only_the_asker_has_one()
    {
        var session = await PlanSessionAsync(TrainingData.Welding with { Seats = 1 });
        await EnrolAsync(_asker, session);
        Assert.IsType<EnrolResult.Waiting>(await EnrolAsync(_owner, session));

        await ClaimAndConfirmAsync();

        await using var check = _database.Open();
        Assert.Equal(EnrolmentStatus.Confirmed, (await check.Enrolments.SingleAsync(e => e.Status != EnrolmentStatus.Cancelled)).Status);
        Assert.All(await check.Enrolments.ToListAsync(), e => Assert.Equal(_owner, e.WorkerId));
        Assert.Equal(1, (await check.TrainingSessions.SingleAsync()).SeatsTaken);
    }

    [Fact]
    public async Task Both_booked_on_one_departure_keep_the_owners_booking_and_give_back_the_others_seats()
    {
        var trip = await PlanTripAsync();
        await SignUpAsync(_asker, trip, "小王", "13900002222");
        await SignUpAsync(_owner, trip, "王师傅", Mobile);

        await ClaimAndConfirmAsync();

        await using var check = _database.Open();
        var bookings = await check.TripBookings.Include(b => b.Travellers).ToListAsync();
        Assert.All(bookings, b => Assert.Equal(_owner, b.WorkerId));
        Assert.Equal("王师傅", bookings.Single(b => b.Status == BookingStatus.Confirmed).Travellers.Single().Name);
        Assert.Equal(BookingStatus.Cancelled, bookings.Single(b => b.Travellers.Single().Name == "小王").Status);
        Assert.Equal(1, (await check.ReturnTrips.SingleAsync()).SeatsTaken);
    }

    [Fact]
    public async Task Both_asking_for_a_person_keep_the_owners_conversation_open_and_hand_the_other_back()
    {
        var (asked, _) = await RequestPersonAsync(_asker);
        var (kept, _) = await RequestPersonAsync(_owner);

        await ClaimAndConfirmAsync();

        await using var check = _database.Open();
        var handoffs = await check.Handoffs.Include(h => h.Messages).ToDictionaryAsync(h => h.Id);
        Assert.Equal((_owner, HandoffState.Waiting), (handoffs[kept.Id].WorkerId, handoffs[kept.Id].State));
        Assert.Equal((_owner, HandoffState.Ended, HandoffEnding.HandedBack), (handoffs[asked.Id].WorkerId, handoffs[asked.Id].State, handoffs[asked.Id].Ending));
        Assert.Contains(handoffs[asked.Id].Messages, m => m.Author == ChatAuthor.System && m.Text.Contains($"第 {kept.Id} 号", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Alerts_of_the_same_day_become_one_that_names_every_posting_either_was_told_of()
    {
        await using (var db = _database.Open())
        {
            await new WorkerRegistry(db, _database.Clock).SetRemindersAsync(_asker, accepts: true, default);
            foreach (var worker in new[] { _owner, _asker })
            {
                await new SavedSearches(db, _database.Clock).SaveAsync(worker, new JobQuery { Province = Places.Guangdong }, default);
            }
        }

        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        var (first, _) = await PostAsync("电子厂普工");
        await AlertAsync(_owner);
        var (second, _) = await PostAsync("仓库叉车工");
        await AlertAsync(_asker);

        await ClaimAndConfirmAsync();

        await using var check = _database.Open();
        var alert = await check.JobAlerts.Include(a => a.Postings).SingleAsync();
        Assert.Equal(_owner, alert.WorkerId);
        Assert.Equal([first, second], alert.Postings.Select(p => p.JobPostingId).Order());
        Assert.All(await check.JobAlertPostings.ToListAsync(), p => Assert.Equal((_owner, alert.Id), (p.WorkerId, p.JobAlertId)));
    }

    [Fact]
    public async Task Five_wrong_codes_end_the_link_and_the_right_one_after_them_changes_nothing()
    {
        await ClaimAsync(_asker, Mobile);
        var code = await CodeAsync();
        var wrong = code == "000000" ? "111111" : "000000";

        var answers = new List<LinkAnswer>();
        for (var i = 0; i < WorkerLink.MaxTries; i++)
        {
            answers.Add(await ConfirmAsync(_asker, wrong));
        }

        Assert.Equal(
            [new LinkAnswer.WrongCode(4), new LinkAnswer.WrongCode(3), new LinkAnswer.WrongCode(2), new LinkAnswer.WrongCode(1), new LinkAnswer.TooManyTries()],
            answers);
        Assert.IsType<LinkAnswer.Expired>(await ConfirmAsync(_asker, code));
        Assert.Null((await WorkerAsync(_asker)).MergedIntoId);
        Assert.Equal(WorkerLinkState.Failed, (await LinksAsync()).Single().State);
    }

    [Fact]
    public async Task A_code_is_good_for_fifteen_minutes()
    {
        await ClaimAsync(_asker, Mobile);
        var code = await CodeAsync();
        _database.Clock.Advance(WorkerLink.Lifetime);

        Assert.IsType<LinkAnswer.Expired>(await ConfirmAsync(_asker, code));
        Assert.Null((await WorkerAsync(_asker)).MergedIntoId);
    }

    [Fact]
    public async Task Not_me_keeps_the_two_apart_and_the_number_with_its_owner_alone()
    {
        await ClaimAsync(_asker, Mobile);
        var code = await CodeAsync();

        await using (var db = _database.Open())
        {
            await Links(db).DeclineAsync(_asker, default);
        }

        Assert.IsType<LinkAnswer.Expired>(await ConfirmAsync(_asker, code));
        Assert.Null((await WorkerAsync(_asker)).Mobile);
        Assert.Equal(Mobile, (await WorkerAsync(_owner)).Mobile);
        Assert.Equal(WorkerLinkState.Declined, (await LinksAsync()).Single().State);
    }

    [Fact]
    public async Task An_owner_no_channel_reaches_is_sent_nothing()
    {
        await using (var db = _database.Open())
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM WorkerAddress WHERE WorkerId = {_owner}");
        }

        Assert.IsType<MobileClaim.OwnerUnreachable>(await ClaimAsync(_asker, Mobile));

        await using var check = _database.Open();
        Assert.Empty(await check.Outbox.ToListAsync());
        Assert.Empty(await LinksAsync());
    }

    [Fact]
    public async Task One_owner_is_sent_three_codes_a_day_however_many_ask()
    {
        List<int> askers;
        await using (var db = _database.Open())
        {
            askers = [_asker, .. await TrainingData.WorkersAsync(db, _database.Clock, 3)];
        }

        var claims = new List<MobileClaim>();
        foreach (var asker in askers)
        {
            claims.Add(await ClaimAsync(asker, Mobile));
        }

        Assert.Equal([typeof(MobileClaim.CodeSent), typeof(MobileClaim.CodeSent), typeof(MobileClaim.CodeSent), typeof(MobileClaim.TooManyCodes)], claims.Select(c => c.GetType()));
        _database.Clock.Advance(TimeSpan.FromDays(1));
        Assert.IsType<MobileClaim.CodeSent>(await ClaimAsync(askers[^1], Mobile));
    }

    [Fact]
    public async Task Asking_again_replaces_the_code_before()
    {
        await ClaimAsync(_asker, Mobile);
        var first = await CodeAsync();
        await ClaimAsync(_asker, Mobile);

        Assert.Equal([WorkerLinkState.Expired, WorkerLinkState.Pending], (await LinksAsync()).Select(l => l.State));
        var second = await CodeAsync();
        if (first != second)
        {
            Assert.IsType<LinkAnswer.WrongCode>(await ConfirmAsync(_asker, first));
        }

        Assert.Equal(new LinkAnswer.Linked(_owner), await ConfirmAsync(_asker, second));
    }

    [Fact]
    public async Task A_table_whose_feature_moves_nothing_stops_the_merge_and_changes_nothing()
    {
        await _database.FileAsync(Cases.Arrears, _asker);
        await ClaimAsync(_asker, Mobile);
        var code = await CodeAsync();

        await using (var db = _database.Open())
        {
            var withoutComplaints = new WorkerLinks(db, _database.Clock, [.. Features(db, _database.Clock).Where(f => f is not ComplaintWorkerRows)]);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => withoutComplaints.ConfirmAsync(_asker, code, default));
            Assert.Contains("Complaints", refused.Message, StringComparison.Ordinal);
        }

        Assert.Null((await WorkerAsync(_asker)).MergedIntoId);
        var link = (await LinksAsync()).Single();
        Assert.Equal((WorkerLinkState.Pending, 0), (link.State, link.Tries));
        Assert.Equal(new LinkAnswer.Linked(_owner), await ConfirmAsync(_asker, code));
    }

    [Fact]
    public async Task Saving_a_profile_with_someone_elses_number_keeps_the_number_one_had()
    {
        await using var db = _database.Open();
        var registry = new WorkerRegistry(db, _database.Clock);
        await registry.SaveProfileAsync(_asker, (await WorkerAsync(_asker)).Profile with { Mobile = "13900001111" }, default);

        var saved = await registry.SaveProfileAsync(_asker, WorkerProfile.Empty with { Name = "王小明", Mobile = Mobile }, default);

        Assert.Equal(("王小明", "13900001111"), (saved.Name, saved.Mobile));
    }

    [Fact]
    public async Task A_worker_already_merged_into_the_asker_follows_the_asker_to_the_owner()
    {
        int earlier;
        await using (var db = _database.Open())
        {
            earlier = (await TrainingData.WorkersAsync(db, _database.Clock, 1))[0];
            await new WorkerRegistry(db, _database.Clock).SaveProfileAsync(_asker, (await WorkerAsync(_asker)).Profile with { Mobile = "13900001111" }, default);
        }

        await ClaimAsync(earlier, "13900001111");
        Assert.Equal(new LinkAnswer.Linked(_asker), await ConfirmAsync(earlier, await CodeAsync()));

        await ClaimAndConfirmAsync();

        Assert.Equal(_owner, (await WorkerAsync(earlier)).MergedIntoId);
    }

    /// <summary>Every feature's rows, as the host registers them.</summary>
    internal static IReadOnlyList<IWorkerRows> Features(PingtangDb db, TimeProvider time) =>
    [
        new JobWorkerRows(db),
        new TrainingWorkerRows(db, new Enrolments(db, time)),
        new TripWorkerRows(db, new TripBookings(db, time, new AesIdNumberProtector())),
        new ComplaintWorkerRows(db),
        new HandoffWorkerRows(db),
        new OutboxWorkerRows(db),
    ];

    private WorkerLinks Links(PingtangDb db) => new(db, _database.Clock, Features(db, _database.Clock));

    private async Task<MobileClaim> ClaimAsync(int workerId, string mobile)
    {
        await using var db = _database.Open();
        return await Links(db).ClaimMobileAsync(workerId, mobile, default);
    }

    private async Task<LinkAnswer> ConfirmAsync(int workerId, string code)
    {
        await using var db = _database.Open();
        return await Links(db).ConfirmAsync(workerId, code, default);
    }

    private async Task<LinkAnswer> ClaimAndConfirmAsync()
    {
        Assert.IsType<MobileClaim.CodeSent>(await ClaimAsync(_asker, Mobile));
        return await ConfirmAsync(_asker, await CodeAsync());
    }

    /// <summary>The open code, as the owner reads it in the message sent to them.</summary>
    private async Task<string> CodeAsync()
    {
        await using var db = _database.Open();
        return (await db.WorkerLinks.SingleAsync(l => l.State == WorkerLinkState.Pending)).Code;
    }

    private async Task<List<WorkerLink>> LinksAsync()
    {
        await using var db = _database.Open();
        return await db.WorkerLinks.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
    }

    private async Task<Worker> WorkerAsync(int workerId)
    {
        await using var db = _database.Open();
        return await db.Workers.AsNoTracking().SingleAsync(w => w.Id == workerId);
    }

    private async Task<(int First, int Second)> PostAsync(params string[] titles)
    {
        await using var db = _database.Open();
        var station = await db.Stations.SingleAsync(s => s.Name == JobDrafts.Factory.Station);
        var postings = titles.Select(t => JobPosting.Create(JobDrafts.Factory with { ExternalId = t, Title = t }, station.Id, "测试", _database.Clock.GetUtcNow())).ToList();
        db.JobPostings.AddRange(postings);
        await db.SaveChangesAsync();
        return (postings[0].Id, postings[^1].Id);
    }

    private async Task ApplyAsync(int workerId, int postingId)
    {
        await using var db = _database.Open();
        Assert.Equal(ApplyOutcome.Applied, await new JobApplications(db, _database.Clock).ApplyAsync(workerId, postingId, default));
    }

    private async Task AlertAsync(int workerId)
    {
        await using var db = _database.Open();
        var alerts = new JobAlerts(db, _database.Clock);
        Assert.True(await alerts.QueueAsync((await alerts.PickAsync(workerId, default))!, "提醒", default));
    }

    private async Task<int> PlanSessionAsync(TrainingSessionDetails details)
    {
        await using var db = _database.Open();
        return await TrainingData.PlanAsync(db, details);
    }

    private async Task<EnrolResult> EnrolAsync(int workerId, int sessionId)
    {
        await using var db = _database.Open();
        return await new Enrolments(db, _database.Clock).EnrolAsync(workerId, sessionId, default);
    }

    private async Task<ReturnTrip> PlanTripAsync()
    {
        await using var db = _database.Open();
        return await TripData.PlanAsync(db, TripData.Guangzhou);
    }

    private async Task SignUpAsync(int workerId, ReturnTrip trip, string name, string mobile)
    {
        await using var db = _database.Open();
        var signUp = new TripSignUp(workerId, trip.Id, trip.PickupPoints[0].Id, [TripData.Traveller(name, mobile)]);
        Assert.IsType<TripSignUpResult.Confirmed>(await new TripBookings(db, _database.Clock, new AesIdNumberProtector()).SignUpAsync(signUp, default));
    }

    private async Task QueueAsync(int workerId, string key)
    {
        await using var db = _database.Open();
        new OutboxMessages(db, _database.Clock).Queue(new OutboxDraft(workerId, "微信回复", MessagePurpose.Reply, key, "好的", OnChannel: "wechat"));
        await db.SaveChangesAsync();
    }

    private async Task<(Handoff Handoff, bool IsNew)> RequestPersonAsync(int workerId)
    {
        await using var db = _database.Open();
        return await new HandoffDesk(db, _database.Clock).RequestAsync(workerId, null, default);
    }
}
