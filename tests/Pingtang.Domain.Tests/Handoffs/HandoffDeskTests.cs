using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Tests.Complaints;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Handoffs;

public sealed class HandoffDeskTests : IAsyncLifetime
{
    private static readonly DeskStaff Wang = new(7, "王芳", StationId: 3);
    private static readonly DeskStaff Li = new(8, "李强", StationId: 3);
    private static readonly IReadOnlyList<string> Menu = ["岗位查询", "培训报名"];

    private TestDatabase _database = null!;
    private int _worker;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.Open();
        var worker = await new WorkerRegistry(db, _database.Clock).RegisterAsync(default);
        worker.UpdateProfile(worker.Profile with { CurrentCity = "东莞市大朗镇" }, _database.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        _worker = worker.Id;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_worker_s_open_conversation_is_what_their_messages_are_checked_for()
    {
        await using var db = _database.Open();
        var desk = new HandoffDesk(db, _database.Clock);
        Assert.Equal((null, null), await desk.AttentionAsync(_worker, default));

        var (handoff, _) = await desk.RequestAsync(_worker, null, default);

        var (open, rating) = await desk.AttentionAsync(_worker, default);
        Assert.Equal(handoff.Id, open?.Id);
        Assert.Null(rating);
    }

    [Fact]
    public async Task Asking_twice_rejoins_the_open_conversation_at_the_station_of_where_the_worker_works()
    {
        await using var db = _database.Open();
        var desk = new HandoffDesk(db, _database.Clock);

        var (first, firstIsNew) = await desk.RequestAsync(_worker, complaintId: null, default);
        var (second, secondIsNew) = await desk.RequestAsync(_worker, complaintId: null, default);

        Assert.True(firstIsNew);
        Assert.False(secondIsNew);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(HandoffState.Waiting, first.State);
        Assert.Equal(Station.DongguanDalang, (await db.Stations.SingleAsync(s => s.Id == first.StationId)).Name);
    }

    [Fact]
    public async Task A_case_brings_its_station_and_its_urgency_to_the_conversation()
    {
        var complaint = await _database.FileAsync(
            Cases.Arrears with { Category = ComplaintCategory.WorkInjury, EmployerName = "白云建筑公司", WorkPlace = "广州白云", InjuredOn = new DateOnly(2026, 11, 20) },
            _worker);
        await using var db = _database.Open();

        var (handoff, _) = await new HandoffDesk(db, _database.Clock).RequestAsync(_worker, complaint.Id, default);

        Assert.Equal((complaint.Id, complaint.StationId, true), (handoff.ComplaintId, handoff.StationId, handoff.Urgent));
    }

    [Fact]
    public async Task Taking_over_greets_the_worker_once_by_name_and_a_colleague_cannot_take_it_from_under_them()
    {
        await using var db = _database.Open();
        var desk = new HandoffDesk(db, _database.Clock);
        var (handoff, _) = await desk.RequestAsync(_worker, null, default);

        Assert.True(await desk.TakeOverAsync(handoff, Wang, default));
        Assert.False(await desk.TakeOverAsync(handoff, Wang, default));
        var refused = await Assert.ThrowsAsync<DomainException>(() => desk.TakeOverAsync(handoff, Li, default));

        Assert.Contains("王芳", refused.Message, StringComparison.Ordinal);
        var greeting = Assert.Single(await db.Outbox.ToListAsync());
        Assert.Equal((_worker, MessagePurpose.Reply), (greeting.WorkerId, greeting.Purpose));
        Assert.Contains("王芳", greeting.Text, StringComparison.Ordinal);
        Assert.Equal(HandoffState.Live, (await db.Handoffs.AsNoTracking().SingleAsync()).State);
    }

    [Fact]
    public async Task What_staff_write_is_kept_and_queued_signed_with_their_name_and_notes_are_never_sent()
    {
        await using var db = _database.Open();
        var desk = new HandoffDesk(db, _database.Clock);
        var (handoff, _) = await desk.RequestAsync(_worker, null, default);

        await desk.ReplyAsync(handoff, Wang, "您好，请把欠条拍照发过来。", default);
        await desk.NoteAsync(handoff, Wang, "老板电话打不通", default);

        var sent = await db.Outbox.OrderBy(m => m.Id).Select(m => m.Text).ToListAsync();
        Assert.Equal(2, sent.Count);
        Assert.Equal("平塘就业助手工作人员（王芳）：您好，请把欠条拍照发过来。", sent[1]);
        var lines = await db.Set<ChatMessage>().OrderBy(m => m.Id).Select(m => m.Author).ToListAsync();
        Assert.Equal([ChatAuthor.System, ChatAuthor.Staff, ChatAuthor.Note], lines);
        await Assert.ThrowsAsync<DomainException>(() => desk.ReplyAsync(handoff, Wang, "   ", default));
    }

    [Fact]
    public async Task Handing_back_ends_the_conversation_without_resolving_and_offers_the_menu_with_the_summary()
    {
        await using var db = _database.Open();
        var desk = new HandoffDesk(db, _database.Clock);
        var (handoff, _) = await desk.RequestAsync(_worker, null, default);
        await desk.TakeOverAsync(handoff, Wang, default);

        await desk.HandBackAsync(handoff, Wang, "已联系老板，周五前答复", Menu, default);

        Assert.Null(await desk.OpenForWorkerAsync(_worker, default));
        var notice = await db.Outbox.OrderBy(m => m.Id).LastAsync();
        Assert.Contains("小结：已联系老板，周五前答复", notice.Text, StringComparison.Ordinal);
        Assert.Equal(Menu, notice.Choices);
        Assert.Equal(HandoffEnding.HandedBack, (await db.Handoffs.AsNoTracking().SingleAsync()).Ending);
        Assert.Empty(await db.HelpRatings.ToListAsync());
        var (again, isNew) = await desk.RequestAsync(_worker, null, default);
        Assert.True(isNew);
        Assert.NotEqual(handoff.Id, again.Id);
    }

    [Fact]
    public async Task Resolving_asks_for_a_rating_that_the_worker_answers_within_three_days()
    {
        await using var db = _database.Open();
        var desk = new HandoffDesk(db, _database.Clock);
        var (handoff, _) = await desk.RequestAsync(_worker, null, default);

        await desk.ResolveAsync(handoff, Wang, null, default);

        var asked = await db.Outbox.OrderBy(m => m.Id).LastAsync();
        Assert.Equal(HandoffNotices.RatingKind, asked.Kind);
        Assert.Equal(HandoffNotices.RatingChoices, asked.Choices);
        var rating = (await desk.AttentionAsync(_worker, default)).AwaitedRating;
        Assert.NotNull(rating);
        Assert.True(await desk.AnswerRatingAsync(rating, "5 很及时", default));
        Assert.Null((await desk.AttentionAsync(_worker, default)).AwaitedRating);
        var stored = await db.HelpRatings.AsNoTracking().SingleAsync();
        Assert.Equal((5, "很及时", 3), (stored.Score, stored.Word, stored.StationId));
    }

    [Fact]
    public async Task A_rating_is_no_longer_awaited_once_the_worker_writes_something_else()
    {
        await using var db = _database.Open();
        var desk = new HandoffDesk(db, _database.Clock);
        var (handoff, _) = await desk.RequestAsync(_worker, null, default);
        await desk.ResolveAsync(handoff, Wang, null, default);

        Assert.False(await desk.AnswerRatingAsync(((await desk.AttentionAsync(_worker, default)).AwaitedRating)!, "我想找工作", default));

        Assert.Null((await desk.AttentionAsync(_worker, default)).AwaitedRating);
        Assert.Null((await db.HelpRatings.AsNoTracking().SingleAsync()).Score);
    }

    [Fact]
    public async Task A_rating_not_given_within_three_days_is_no_longer_awaited()
    {
        await using var db = _database.Open();
        var desk = new HandoffDesk(db, _database.Clock);
        var (handoff, _) = await desk.RequestAsync(_worker, null, default);
        await desk.ResolveAsync(handoff, Wang, null, default);

        _database.Clock.Advance(TimeSpan.FromDays(3.5));

        Assert.Null((await desk.AttentionAsync(_worker, default)).AwaitedRating);
    }

    [Theory]
    [InlineData("5", 5, null)]
    [InlineData("５ 很及时", 5, "很及时")]
    [InlineData("五分", 5, null)]
    [InlineData("4 满意", 4, null)]
    [InlineData("3分，回复有点慢", 3, "回复有点慢")]
    [InlineData("1 很不满意", 1, null)]
    public void A_reply_reads_as_a_score_and_a_word(string reply, int score, string? word) =>
        Assert.Equal((score, word), HelpRating.Read(reply));

    [Theory]
    [InlineData("12")]
    [InlineData("3000以上")]
    [InlineData("6")]
    [InlineData("好的")]
    [InlineData("")]
    public void A_reply_that_is_not_a_score_is_not_read_as_one(string reply) =>
        Assert.Null(HelpRating.Read(reply));

    [Fact]
    public async Task The_hub_of_a_Bot_Framework_host_takes_the_conversation_and_gives_it_back()
    {
        await using var db = _database.Open();
        var desk = new HandoffDesk(db, _database.Clock);
        var (handoff, _) = await desk.RequestAsync(_worker, null, default);
        handoff.OfferedTo("conversation-1");
        await db.SaveChangesAsync();

        Assert.Null(await desk.ExternalStatusAsync("conversation-2", "accepted", null, default));
        var accepted = await desk.ExternalStatusAsync("conversation-1", "accepted", null, default);
        Assert.Equal((HandoffState.Live, HandoffHolder.ExternalHub), (accepted!.State, accepted.Holder));

        var completed = await desk.ExternalStatusAsync("conversation-1", "completed", null, default);
        Assert.Equal(HandoffState.Ended, completed!.State);
        Assert.Null(await desk.ExternalStatusAsync("conversation-1", "accepted", null, default));
    }

    [Fact]
    public async Task A_channel_retry_of_a_message_is_kept_once_with_each_of_its_files()
    {
        await using var db = _database.Open();
        var desk = new HandoffDesk(db, _database.Clock);
        var (handoff, _) = await desk.RequestAsync(_worker, null, default);
        var photo = new ChatAttachment("欠条.jpg", "image/jpeg", "https://example.invalid/1");
        (string, ChatAttachment?)[] lines = [("老板不给钱", null), ("发来文件：欠条.jpg", photo)];

        Assert.Equal(2, (await desk.RecordAsync(handoff, ChatAuthor.Worker, lines, "activity-1", default)).Count);
        Assert.Empty(await desk.RecordAsync(handoff, ChatAuthor.Worker, lines, "activity-1", default));

        var kept = await db.Set<ChatMessage>().AsNoTracking().Where(m => m.Author == ChatAuthor.Worker).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(["老板不给钱", "发来文件：欠条.jpg"], kept.Select(m => m.Text));
        Assert.Equal(photo, kept[1].Attachment);
    }

    [Fact]
    public void Station_staff_see_their_own_station_and_administrators_every_one()
    {
        Assert.True(Wang.MaySee(3));
        Assert.False(Wang.MaySee(2));
        Assert.True(new DeskStaff(1, "管理员", StationId: null).MaySee(2));
    }
}
