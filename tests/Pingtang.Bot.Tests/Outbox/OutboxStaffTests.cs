using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Outbox;
using Pingtang.Bot.Staff;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Outbox;

public sealed class OutboxStaffTests : IDisposable
{
    private const string Password = "test-admin-password";

    private readonly PingtangFactory _factory = new(new Dictionary<string, string?>(), new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Staff_see_counts_by_kind_and_state_and_why_a_message_did_not_go_and_can_send_it_again()
    {
        long id;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var worker = await scope.ServiceProvider.GetRequiredService<WorkerRegistry>().RegisterAsync(default);
            scope.ServiceProvider.GetRequiredService<OutboxMessages>().Queue(new OutboxDraft(worker.Id, "培训调整通知", MessagePurpose.Practical, "k1", "地点改了"));
            var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
            await db.SaveChangesAsync();
            id = await db.Outbox.Select(m => m.Id).SingleAsync();
        }

        await _factory.SendDueAsync();
        using var staff = await StaffClient.SignInAsync(_factory, Password);

        var home = await staff.GetStringAsync(StaffAccess.HomePath);
        var page = await staff.GetStringAsync(OutboxStaffEndpoints.Path);
        using var again = await staff.PostFormAsync($"{OutboxStaffEndpoints.Path}/{id}/again", from: OutboxStaffEndpoints.Path);
        using var twice = await staff.PostFormAsync($"{OutboxStaffEndpoints.Path}/{id}/again");

        Assert.Contains($"href=\"{OutboxStaffEndpoints.Path}\"", home, StringComparison.Ordinal);
        Assert.Contains("<td>培训调整通知</td>", page, StringComparison.Ordinal);
        Assert.Contains(OutboxRules.NoChannel, page, StringComparison.Ordinal);
        Assert.DoesNotContain("地点改了", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        await using var check = _factory.Services.CreateAsyncScope();
        var queued = await check.ServiceProvider.GetRequiredService<PingtangDb>().Outbox.AsNoTracking().SingleAsync();
        Assert.Equal((OutboxState.Queued, 0), (queued.State, queued.Attempts));
        var log = await check.ServiceProvider.GetRequiredService<PingtangDb>().AuditLog.Where(a => a.Kind != AuditKind.Account).Select(a => new { a.Kind, a.What, a.Target }).ToListAsync();
        var view = new { Kind = AuditKind.View, What = "查看消息发送", Target = (string?)null };
        // Opened to read it, then again for the resend form's token.
        Assert.Equal([view, view, new { Kind = AuditKind.Action, What = "重新发送消息", Target = (string?)$"{id}" }], log);
    }

    [Fact]
    public async Task A_stations_staff_get_neither_the_page_nor_a_resend()
    {
        using var staff = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, 2);

        using var page = await staff.GetAsync(OutboxStaffEndpoints.Path);
        using var again = await staff.PostFormAsync($"{OutboxStaffEndpoints.Path}/1/again");
        var home = await staff.GetStringAsync(StaffAccess.HomePath);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (page.StatusCode, again.StatusCode));
        Assert.DoesNotContain($"href=\"{OutboxStaffEndpoints.Path}\"", home, StringComparison.Ordinal);
    }
}
