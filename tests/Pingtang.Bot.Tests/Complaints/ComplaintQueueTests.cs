using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Complaints;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Complaints;

/// <summary>The console's case queue, as a station's staff and the county's admin see it through the real host.</summary>
public sealed class ComplaintQueueTests : IDisposable
{
    private const string Password = "queue-test-password";

    private const int Dalang = 3;

    private readonly PingtangFactory _factory = new(clock: new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_station_sees_its_own_open_cases_urgent_first_with_their_clocks_and_nothing_of_another_station()
    {
        var arrears = await FileAsync(Draft(ComplaintCategory.WageArrears, "东莞大朗宏达制衣有限公司", "东莞大朗"));
        var injury = await FileAsync(Draft(ComplaintCategory.WorkInjury, "大朗毛织厂", "东莞大朗") with { InjuredOn = new DateOnly(2026, 11, 20) });
        var guangzhou = await FileAsync(Draft(ComplaintCategory.WageArrears, "白云区某物流公司", "广州白云"));
        using var staff = await StaffClient.SignInAsAsync(_factory, "dalang", Password, StaffRole.Staff, Dalang);

        var queue = await staff.GetStringAsync(ComplaintQueueEndpoints.Path);
        var injuries = await staff.GetStringAsync($"{ComplaintQueueEndpoints.Path}?category={ComplaintCategory.WorkInjury}");

        Assert.True(queue.IndexOf(injury.Number, StringComparison.Ordinal) < queue.IndexOf(arrears.Number, StringComparison.Ordinal), "the 工伤 case is above");
        Assert.DoesNotContain(guangzhou.Number, queue, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"urgent\">", queue, StringComparison.Ordinal);
        Assert.Contains("剩", queue, StringComparison.Ordinal);
        Assert.Contains(injury.Number, injuries, StringComparison.Ordinal);
        Assert.DoesNotContain(arrears.Number, injuries, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_sees_every_station_and_worker_text_is_shown_as_text()
    {
        var xss = await FileAsync(Draft(ComplaintCategory.Other, "<script>alert(1)</script>", "<img src=x onerror=alert(1)>"));
        using var admin = await StaffClient.SignInAsync(_factory, Password);

        using var response = await admin.GetAsync(ComplaintQueueEndpoints.Path);
        var queue = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(xss.Number, queue, StringComparison.Ordinal);
        Assert.Contains("平塘县就业服务中心", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", queue, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_the_queue_is_in_the_audit_log_and_needs_a_signed_in_staff_member()
    {
        using var anonymous = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var refused = await anonymous.GetAsync(ComplaintQueueEndpoints.Path);
        using var staff = await StaffClient.SignInAsAsync(_factory, "dalang", Password, StaffRole.Staff, Dalang);
        using (await staff.GetAsync(ComplaintQueueEndpoints.Path))
        {
        }

        await using var scope = _factory.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<PingtangDb>().AuditLog.Where(a => a.Account == "dalang").Select(a => a.What).ToList();

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("查看案件队列", log);
    }

    private static ComplaintDraft Draft(ComplaintCategory category, string employer, string place) => new()
    {
        Category = category,
        EmployerName = employer,
        WorkPlace = place,
        Narrative = "老板拖了三个月工资。",
        ContactPhone = "13812345678",
    };

    private async Task<Complaint> FileAsync(ComplaintDraft draft)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PingtangDb>();
        var worker = await new WorkerRegistry(db, services.GetRequiredService<TimeProvider>()).RegisterAsync(default);
        return await services.GetRequiredService<ComplaintFiling>().FileAsync(worker.Id, draft, default);
    }
}
