using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Complaints;

public sealed class ComplaintProgressTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_status_change_is_kept_in_the_history_and_queues_the_workers_notice_in_the_same_save()
    {
        var complaint = await _database.FileAsync(Cases.Arrears);
        var worker = complaint.WorkerId;
        _database.Clock.Advance(TimeSpan.FromHours(3));

        var change = await ChangeAsync(complaint.Id, ComplaintStatus.Accepted, "李站长", "明天上午给您打电话");

        await using var db = _database.Open();
        var stored = await db.Complaints.Include(c => c.History).SingleAsync();
        Assert.Equal(ComplaintStatus.Accepted, stored.Status);
        Assert.Equal(
            [(ComplaintStatus.Submitted, "本人", (string?)null), (ComplaintStatus.Accepted, "李站长", "明天上午给您打电话")],
            stored.History.OrderBy(h => h.Id).Select(h => (h.Status, h.By, h.Note)));
        Assert.Equal(_database.Clock.GetUtcNow(), change!.At);
        var notice = await db.Outbox.SingleAsync();
        Assert.Equal((worker, ComplaintNotices.StatusKind, MessagePurpose.Practical, OutboxState.Queued), (notice.WorkerId, notice.Kind, notice.Purpose, notice.State));
        Assert.StartsWith($"【维权进度】您反映的欠薪问题（编号{complaint.Number}）现在：已受理。\n说明：明天上午给您打电话", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_step_of_the_history_is_its_own_notice()
    {
        var complaint = await _database.FileAsync(Cases.Arrears);

        await ChangeAsync(complaint.Id, ComplaintStatus.Accepted, "李站长", null);
        await ChangeAsync(complaint.Id, ComplaintStatus.InProgress, "李站长", null);
        await ChangeAsync(complaint.Id, ComplaintStatus.Resolved, "李站长", "老板已补发工资");
        await ChangeAsync(complaint.Id, ComplaintStatus.InProgress, "李站长", "工友说还差一个月");

        await using var db = _database.Open();
        var texts = await db.Outbox.OrderBy(m => m.Id).Select(m => m.Text).ToListAsync();
        Assert.Equal(["已受理", "处理中", "已解决", "处理中"], texts.Select(t => t.Split("现在：")[1].Split('。')[0]));
        Assert.Equal(4, await db.Outbox.Select(m => m.Key).Distinct().CountAsync());
    }

    [Theory]
    [InlineData(ComplaintStatus.Submitted)]
    [InlineData(ComplaintStatus.InProgress)]
    [InlineData(ComplaintStatus.Resolved)]
    public async Task A_move_the_course_of_a_case_does_not_allow_changes_and_queues_nothing(ComplaintStatus status)
    {
        var complaint = await _database.FileAsync(Cases.Arrears);

        var refused = await Assert.ThrowsAsync<DomainException>(() => ChangeAsync(complaint.Id, status, "李站长", null));

        Assert.Contains("不能改为", refused.Message, StringComparison.Ordinal);
        await using var db = _database.Open();
        Assert.Equal(ComplaintStatus.Submitted, (await db.Complaints.SingleAsync()).Status);
        Assert.Empty(db.Outbox);
        Assert.Single(db.Set<ComplaintStatusChange>());
    }

    [Fact]
    public async Task A_closed_case_stays_closed()
    {
        var complaint = await _database.FileAsync(Cases.Arrears);
        await ChangeAsync(complaint.Id, ComplaintStatus.Closed, "李站长", "不属于劳动争议");

        foreach (var status in Enum.GetValues<ComplaintStatus>())
        {
            await Assert.ThrowsAsync<DomainException>(() => ChangeAsync(complaint.Id, status, "李站长", null));
        }
    }

    [Fact]
    public async Task Nobody_named_or_an_unknown_case_changes_nothing()
    {
        var complaint = await _database.FileAsync(Cases.Arrears);

        await Assert.ThrowsAsync<DomainException>(() => ChangeAsync(complaint.Id, ComplaintStatus.Accepted, " ", null));
        Assert.Null(await ChangeAsync(complaint.Id + 1, ComplaintStatus.Accepted, "李站长", null));

        await using var db = _database.Open();
        Assert.Empty(db.Outbox);
    }

    [Fact]
    public async Task A_worker_sees_their_own_cases_the_latest_first()
    {
        var first = await _database.FileAsync(Cases.Arrears);
        var worker = first.WorkerId;
        _database.Clock.Advance(TimeSpan.FromDays(2));
        await using (var db = _database.Open())
        {
            await new ComplaintFiling(db, _database.Clock).FileAsync(worker, Cases.Arrears with { Category = ComplaintCategory.WorkInjury, InjuredOn = new DateOnly(2026, 11, 30) }, default);
        }

        await _database.FileAsync(Cases.Arrears);
        await ChangeAsync(first.Id, ComplaintStatus.Accepted, "李站长", null);

        await using var read = _database.Open();
        var mine = await new ComplaintProgress(read, new OutboxMessages(read, _database.Clock), _database.Clock).ForWorkerAsync(worker, default);
        Assert.Equal(
            [("WQ-2026-000002", ComplaintCategory.WorkInjury, ComplaintStatus.Submitted), ("WQ-2026-000001", ComplaintCategory.WageArrears, ComplaintStatus.Accepted)],
            mine.Select(c => (c.Number, c.Category, c.Status)));
    }

    private async Task<ComplaintStatusChange?> ChangeAsync(int complaintId, ComplaintStatus status, string by, string? note)
    {
        await using var db = _database.Open();
        return await new ComplaintProgress(db, new OutboxMessages(db, _database.Clock), _database.Clock).ChangeStatusAsync(complaintId, status, by, note, default);
    }
}
