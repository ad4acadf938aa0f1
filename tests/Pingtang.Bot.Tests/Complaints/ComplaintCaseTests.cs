using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Complaints;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Tests.Uploads;
using Pingtang.Bot.Uploads;
using Pingtang.Domain;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Complaints;

/// <summary>A case's page in the console, through the real host: what it shows, who may open it, and moving the case on.</summary>
public sealed class ComplaintCaseTests : IDisposable
{
    private const string Password = "case-test-password";

    private const int Baiyun = 2;
    private const int Dalang = 3;

    private readonly PingtangFactory _factory = new(clock: new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_station_opens_its_case_with_the_account_the_evidence_the_history_and_linked_cases_and_the_view_is_audited()
    {
        var evidence = await StoreAsync(SampleFiles.Png, "欠条.png");
        var first = await FileAsync(Draft("东莞大朗宏达制衣有限公司", "东莞大朗") with { Evidence = [evidence] });
        var second = await FileAsync(Draft("东莞大朗宏达制衣有限公司", "广州白云"));
        using var staff = await StaffClient.SignInAsAsync(_factory, "dalang", Password, StaffRole.Staff, Dalang);

        var page = await staff.GetStringAsync(ComplaintCaseEndpoints.PageOf(first.Id));
        var evidenceId = await EvidenceIdAsync(first.Id);
        using var file = await staff.GetAsync(ComplaintCaseEndpoints.EvidenceOf(first.Id, evidenceId));

        Assert.Contains(first.Number, page, StringComparison.Ordinal);
        Assert.Contains("老板拖了三个月工资。", page, StringComparison.Ordinal);
        Assert.Contains("13812345678", page, StringComparison.Ordinal);
        Assert.Contains("欠条.png", page, StringComparison.Ordinal);
        Assert.Contains("已提交", page, StringComparison.Ordinal);
        Assert.Contains(second.Number, page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"{ComplaintCaseEndpoints.PageOf(second.Id)}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/png", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SampleFiles.Png, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal(["查看案件", "查看证据"], await AuditAsync("dalang"));
    }

    [Fact]
    public async Task Staff_of_another_station_get_403_on_the_case_its_evidence_and_its_forms_and_nothing_changes()
    {
        var evidence = await StoreAsync(SampleFiles.Png, "工牌.png");
        var complaint = await FileAsync(Draft("大朗毛织厂", "东莞大朗") with { Evidence = [evidence] });
        var evidenceId = await EvidenceIdAsync(complaint.Id);
        using var other = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);

        using var page = await other.GetAsync(ComplaintCaseEndpoints.PageOf(complaint.Id));
        using var file = await other.GetAsync(ComplaintCaseEndpoints.EvidenceOf(complaint.Id, evidenceId));
        using var status = await other.PostFormAsync($"{ComplaintCaseEndpoints.PageOf(complaint.Id)}/status", new Dictionary<string, string> { ["status"] = nameof(ComplaintStatus.Accepted) });
        using var extend = await other.PostFormAsync($"{ComplaintCaseEndpoints.PageOf(complaint.Id)}/extend");
        using var missing = await other.GetAsync(ComplaintCaseEndpoints.PageOf(complaint.Id + 1000));

        Assert.All([page, file, status, extend, missing], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Contains("没有这一条，或者它属于别的站点", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(complaint.Number, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Equal(ComplaintStatus.Submitted, (await scope.ServiceProvider.GetRequiredService<PingtangDb>().Complaints.SingleAsync(c => c.Id == complaint.Id)).Status);
    }

    [Fact]
    public async Task Moving_a_case_on_tells_the_worker_and_resolving_it_ends_its_conversation_and_asks_for_a_rating()
    {
        var complaint = await FileAsync(Draft("大朗毛织厂", "东莞大朗"));
        await RequestHandoffAsync(complaint);
        using var staff = await StaffClient.SignInAsAsync(_factory, "dalang", Password, StaffRole.Staff, Dalang);
        var form = $"{ComplaintCaseEndpoints.PageOf(complaint.Id)}/status";

        using var accepted = await staff.PostFormAsync(form, new Dictionary<string, string> { ["status"] = nameof(ComplaintStatus.Accepted), ["note"] = "已联系单位" }, from: ComplaintCaseEndpoints.PageOf(complaint.Id));
        using var refused = await staff.PostFormAsync(form, new Dictionary<string, string> { ["status"] = nameof(ComplaintStatus.Submitted) }, from: ComplaintCaseEndpoints.PageOf(complaint.Id));
        using var resolved = await staff.PostFormAsync(form, new Dictionary<string, string> { ["status"] = nameof(ComplaintStatus.Resolved), ["note"] = "工资已补发" }, from: ComplaintCaseEndpoints.PageOf(complaint.Id));
        var page = await staff.GetStringAsync(ComplaintCaseEndpoints.PageOf(complaint.Id));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        Assert.Contains("工资已补发", page, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var sent = await db.Outbox.Where(m => m.WorkerId == complaint.WorkerId).OrderBy(m => m.Id).Select(m => m.Text).ToListAsync();
        Assert.Collection(
            sent,
            s => Assert.Contains("已受理", s, StringComparison.Ordinal),
            s => Assert.Contains("说明：工资已补发", s, StringComparison.Ordinal),
            s => Assert.Contains("打个分", s, StringComparison.Ordinal));
        Assert.Equal(HandoffState.Ended, (await db.Handoffs.SingleAsync(h => h.ComplaintId == complaint.Id)).State);
        Assert.Equal(1, await db.HelpRatings.CountAsync(r => r.ComplaintId == complaint.Id && r.StationId == Dalang));
        Assert.Contains("案件改为「已解决」", await AuditAsync("dalang"));
    }

    [Fact]
    public async Task Worker_text_on_the_case_page_is_shown_as_text()
    {
        var complaint = await FileAsync(Draft("<script>alert(1)</script>", "东莞大朗") with { Narrative = "<img src=x onerror=alert(1)>" });
        using var admin = await StaffClient.SignInAsync(_factory, Password);

        var page = await admin.GetStringAsync(ComplaintCaseEndpoints.PageOf(complaint.Id));

        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page, StringComparison.Ordinal);
    }

    private static ComplaintDraft Draft(string employer, string place) => new()
    {
        Category = ComplaintCategory.WageArrears,
        EmployerName = employer,
        WorkPlace = place,
        Narrative = "老板拖了三个月工资。",
        ContactPhone = "13812345678",
    };

    private async Task<EvidenceDraft> StoreAsync(byte[] content, string name)
    {
        var files = _factory.Services.GetRequiredService<UploadedFiles>();
        await using var batch = files.Begin("case-test", new UploadLimits());
        Assert.Null(await batch.AddAsync(new MemoryStream(content), name, "image/png", default));
        var stored = Assert.Single(await batch.CommitAsync(default));
        return new EvidenceDraft(name, stored.ContentType, files.LinkFor(new Uri("http://localhost/"), stored).AbsoluteUri);
    }

    private async Task<Complaint> FileAsync(ComplaintDraft draft)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var worker = await new WorkerRegistry(services.GetRequiredService<PingtangDb>(), services.GetRequiredService<TimeProvider>()).RegisterAsync(default);
        return await services.GetRequiredService<ComplaintFiling>().FileAsync(worker.Id, draft, default);
    }

    private async Task RequestHandoffAsync(Complaint complaint)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HandoffDesk>().RequestAsync(complaint.WorkerId, complaint.Id, default);
    }

    private async Task<int> EvidenceIdAsync(int complaintId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().Set<ComplaintEvidence>().Where(e => e.ComplaintId == complaintId).Select(e => e.Id).SingleAsync();
    }

    private async Task<List<string>> AuditAsync(string account)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().AuditLog.Where(a => a.Account == account && a.Kind != AuditKind.Account).OrderBy(a => a.Id).Select(a => a.What).ToListAsync();
    }
}
