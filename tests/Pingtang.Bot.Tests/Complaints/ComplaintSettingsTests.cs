using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Complaints;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Calendar;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Stations;

namespace Pingtang.Bot.Tests.Complaints;

/// <summary>The admins' page for routing and times, through the real host: a change there changes where and when cases go.</summary>
public sealed class ComplaintSettingsTests : IDisposable
{
    private const string Password = "settings-test-password";

    private const int Baiyun = 2;

    private readonly PingtangFactory _factory = new(clock: new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_place_added_to_the_table_sends_its_cases_to_that_station_and_removing_it_sends_them_to_the_county()
    {
        using var admin = await StaffClient.SignInAsync(_factory, Password);

        using var added = await admin.PostFormAsync($"{ComplaintSettingsEndpoints.Path}/routes", new Dictionary<string, string> { ["place"] = " 佛山 ", ["station"] = "2" }, from: ComplaintSettingsEndpoints.Path);
        var routedThere = await StationForAsync("佛山顺德");
        var id = await WithDbAsync(db => db.ComplaintRoutes.Where(r => r.Place == "佛山").Select(r => r.Id).SingleAsync());
        using var removed = await admin.PostFormAsync($"{ComplaintSettingsEndpoints.Path}/routes/{id}/remove", new Dictionary<string, string>(), from: ComplaintSettingsEndpoints.Path);
        var routedHome = await StationForAsync("佛山顺德");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (added.StatusCode, removed.StatusCode));
        Assert.Equal(Station.GuangzhouBaiyun, routedThere);
        Assert.Equal(Station.CountyCentre, routedHome);
        Assert.Contains("修改分派表", await WithDbAsync(db => db.AuditLog.Select(a => a.What).ToListAsync()));
    }

    [Fact]
    public async Task Holidays_entered_for_a_year_make_its_dates_certain_and_wrong_days_are_refused_with_nothing_changed()
    {
        using var admin = await StaffClient.SignInAsync(_factory, Password);
        var page = $"{ComplaintSettingsEndpoints.Path}?year=2027";

        var before = await admin.GetStringAsync(page);
        using var holiday = await admin.PostFormAsync($"{ComplaintSettingsEndpoints.Path}/days", new Dictionary<string, string> { ["date"] = "2027-02-08", ["kind"] = "Holiday", ["name"] = "春节", ["year"] = "2027" }, from: page);
        using var wrongWorkday = await admin.PostFormAsync($"{ComplaintSettingsEndpoints.Path}/days", new Dictionary<string, string> { ["date"] = "2027-02-10", ["kind"] = "Workday", ["name"] = "春节", ["year"] = "2027" }, from: page);
        using var confirmed = await admin.PostFormAsync($"{ComplaintSettingsEndpoints.Path}/years", new Dictionary<string, string> { ["year"] = "2027", ["notice"] = "国务院办公厅关于2027年部分节假日安排的通知" }, from: page);
        var after = await admin.GetStringAsync(page);
        var days = await WithDbAsync(db => WorkingDays.LoadAsync(db, default));

        Assert.Contains("还没有录入完", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, holiday.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongWorkday.StatusCode);
        Assert.Contains("不是周六或周日", await wrongWorkday.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("已按《国务院办公厅关于2027年部分节假日安排的通知》录入全年安排", after, StringComparison.Ordinal);
        var holidayAnswer = days.IsWorkingDay(new DateOnly(2027, 2, 8));
        Assert.False(holidayAnswer.Value);
        Assert.Empty(holidayAnswer.YearsMissing);
        Assert.True(days.IsWorkingDay(new DateOnly(2027, 2, 10)).Value);
    }

    [Fact]
    public async Task A_station_hours_change_sets_its_promise_and_broken_hours_change_nothing()
    {
        using var admin = await StaffClient.SignInAsync(_factory, Password);
        var form = new Dictionary<string, string>
        {
            ["morningOpens"] = "08:30", ["morningCloses"] = "12:00", ["afternoonOpens"] = "13:30", ["afternoonCloses"] = "18:00",
            ["firstResponseMinutes"] = "120", ["urgentFirstResponseMinutes"] = "30", ["resolutionWorkingDays"] = "10",
        };

        using var saved = await admin.PostFormAsync($"{ComplaintSettingsEndpoints.Path}/hours/{Baiyun}", form, from: ComplaintSettingsEndpoints.Path);
        using var broken = await admin.PostFormAsync($"{ComplaintSettingsEndpoints.Path}/hours/{Baiyun}", new Dictionary<string, string>(form) { ["afternoonCloses"] = "11:00" }, from: ComplaintSettingsEndpoints.Path);
        var terms = await WithDbAsync(db => db.StationServiceHours.Where(h => h.StationId == Baiyun).Select(h => new { h.MorningOpens, h.AfternoonCloses, h.FirstResponseMinutes, h.ResolutionWorkingDays }).SingleAsync());

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(new { MorningOpens = new TimeOnly(8, 30), AfternoonCloses = new TimeOnly(18, 0), FirstResponseMinutes = 120, ResolutionWorkingDays = 10 }, terms);
    }

    [Fact]
    public async Task Station_staff_cannot_open_or_change_the_settings()
    {
        using var staff = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);

        using var page = await staff.GetAsync(ComplaintSettingsEndpoints.Path);
        using var change = await staff.PostFormAsync($"{ComplaintSettingsEndpoints.Path}/routes", new Dictionary<string, string> { ["place"] = "广州", ["station"] = "2" });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (page.StatusCode, change.StatusCode));
        Assert.Equal(4, await WithDbAsync(db => db.ComplaintRoutes.CountAsync()));
    }

    private async Task<string> StationForAsync(string place) =>
        (await WithDbAsync(db => new ComplaintRouting(db).StationForAsync(place, default))).Name;

    private async Task<T> WithDbAsync<T>(Func<PingtangDb, Task<T>> read)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PingtangDb>());
    }
}
