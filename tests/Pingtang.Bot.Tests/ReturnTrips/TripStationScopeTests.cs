using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.ReturnTrips;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Tests.ReturnTrips;

namespace Pingtang.Bot.Tests.ReturnTrips;

/// <summary>返岗专车 for a station's staff: the departures their station organises, and nothing of another station's.</summary>
public sealed class TripStationScopeTests : IDisposable
{
    private const string Password = "test-staff-password";

    private const int Baiyun = 2;

    private const int Dalang = 3;

    private readonly PingtangFactory _factory = new(new Dictionary<string, string?>(), new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Baiyun_staff_see_and_export_their_departures_but_not_dalangs()
    {
        var (baiyun, _) = await TripsAsync();
        using var staff = await SignInAsync();

        var list = await staff.GetStringAsync(TripStaffEndpoints.Path);
        var page = await staff.GetStringAsync($"{TripStaffEndpoints.Path}/{baiyun}");
        using var export = await staff.GetAsync($"{TripStaffEndpoints.Path}/{baiyun}/passengers.xlsx");

        Assert.Contains("<td>广州</td>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>东莞</td>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("/import", list, StringComparison.Ordinal);
        Assert.Contains("<td>白云乘客</td><td>13800000001</td>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }

    [Fact]
    public async Task Every_route_with_another_stations_id_or_none_is_refused_and_changes_nothing()
    {
        var (_, dalang) = await TripsAsync();
        var key = await Trips.ReadAsync(_factory, db => db.ReturnTrips.Where(t => t.Id == dalang).Select(t => t.BoardingKey).SingleAsync());
        using var staff = await SignInAsync();
        var before = await SnapshotAsync();
        var gets = new[] { $"{dalang}", $"{dalang}/passengers.xlsx", "999", "999/passengers.xlsx" };
        var posts = new[] { $"{dalang}", $"{dalang}/cancel", $"{dalang}/boarding-key", "999", "999/cancel", "999/boarding-key" };

        foreach (var path in gets)
        {
            using var response = await staff.GetAsync($"{TripStaffEndpoints.Path}/{path}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("13800000002", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var path in posts)
        {
            using var response = await staff.PostFormAsync($"{TripStaffEndpoints.Path}/{path}", Trips.Form(TripData.Guangzhou with { DestinationCity = "改了" }), from: TripStaffEndpoints.Path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain(key, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Staff_posts_without_the_antiforgery_token_are_refused_and_change_nothing()
    {
        var (baiyun, _) = await TripsAsync();
        using var staff = await SignInAsync();
        var before = await SnapshotAsync();

        foreach (var path in new[] { $"{baiyun}", $"{baiyun}/cancel", $"{baiyun}/boarding-key", "new" })
        {
            using var content = new FormUrlEncodedContent(Trips.Form(TripData.Guangzhou with { DestinationCity = "改了" }));
            using var response = await staff.PostAsync($"{TripStaffEndpoints.Path}/{path}", content);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_departure_station_staff_plan_is_their_stations_whatever_the_form_says()
    {
        using var staff = await SignInAsync();
        var form = Trips.Form(TripData.Guangzhou with { DestinationCity = "白云新班" });
        form["station"] = $"{Dalang}";

        using var created = await staff.PostFormAsync($"{TripStaffEndpoints.Path}/new", form, from: $"{TripStaffEndpoints.Path}/new");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(Baiyun, await Trips.ReadAsync(_factory, db => db.ReturnTrips.Where(t => t.DestinationCity == "白云新班").Select(t => t.StationId).SingleAsync()));
    }

    [Fact]
    public async Task Station_staff_may_not_import_the_countys_sheet()
    {
        using var staff = await SignInAsync();

        var csv = "外部编号,方式,目的地,出发日期,出发时间,座位数,报名截止,车长,车长电话,乡镇,上车地点,上车时间\n" +
            "PT-01,专车,广州,2027-02-11,07:30,2,2027-02-09,罗师傅,13985400001,克度镇,克度镇政府门口,06:30\n";

        using var upload = await staff.UploadAsync($"{TripStaffEndpoints.Path}/import", System.Text.Encoding.UTF8.GetBytes(csv), "sheet.csv", from: TripStaffEndpoints.Path);

        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(0, await Trips.ReadAsync(_factory, db => db.ReturnTrips.CountAsync()));
    }

    [Fact]
    public async Task Views_exports_and_changes_are_in_the_audit_log_with_the_departures_station()
    {
        var (baiyun, _) = await TripsAsync();
        using var staff = await SignInAsync();
        var page = $"{TripStaffEndpoints.Path}/{baiyun}";

        (await staff.GetAsync(page)).Dispose();
        (await staff.GetAsync($"{page}/passengers.xlsx")).Dispose();
        (await staff.PostFormAsync(page, Trips.Form(TripData.Guangzhou with { Seats = 4 }), from: TripStaffEndpoints.Path)).Dispose();
        (await staff.PostFormAsync($"{page}/boarding-key", from: TripStaffEndpoints.Path)).Dispose();
        (await staff.PostFormAsync($"{page}/cancel", from: TripStaffEndpoints.Path)).Dispose();

        var log = await Trips.ReadAsync(_factory, db => db.AuditLog.AsNoTracking()
            .Where(a => a.Account == "baiyun" && a.Kind != AuditKind.Account && a.What != "查看返岗班次列表").OrderBy(a => a.Id)
            .Select(a => new { a.Kind, a.What, a.Target, a.StationId }).ToListAsync());
        Assert.Equal(
            [
                new { Kind = AuditKind.View, What = "查看乘车名单", Target = (string?)$"{baiyun}", StationId = (int?)Baiyun },
                new { Kind = AuditKind.Export, What = "导出乘车名单（1 人）", Target = (string?)$"{baiyun}", StationId = (int?)Baiyun },
                new { Kind = AuditKind.Action, What = "修改返岗班次（候补转正 0 人）", Target = (string?)$"{baiyun}", StationId = (int?)Baiyun },
                new { Kind = AuditKind.Action, What = "更换车长登车链接", Target = (string?)$"{baiyun}", StationId = (int?)Baiyun },
                new { Kind = AuditKind.Action, What = "取消返岗班次（通知 1 人）", Target = (string?)$"{baiyun}", StationId = (int?)Baiyun },
            ],
            log);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(TripStaffEndpoints.Path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/console/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_travellers_script_for_a_name_is_shown_as_text()
    {
        var trip = await Trips.PlanAsync(_factory, TripData.Guangzhou, Baiyun);
        await Trips.SignUpAsync(_factory, trip.Id, Trips.Traveller("<b>x", "13800000009"));
        using var staff = await SignInAsync();

        var page = await staff.GetStringAsync($"{TripStaffEndpoints.Path}/{trip.Id}");
        var board = await staff.GetStringAsync(Boarding.PathOf(page));

        Assert.Contains("&lt;b&gt;x", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x", board, StringComparison.Ordinal);
    }

    private Task<HttpClient> SignInAsync() => StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);

    /// <summary>A bus to 广州 run by 白云 and one to 东莞 run by 大朗, each with one confirmed traveller.</summary>
    private async Task<(int Baiyun, int Dalang)> TripsAsync()
    {
        var baiyun = await Trips.PlanAsync(_factory, TripData.Guangzhou, Baiyun);
        await Trips.SignUpAsync(_factory, baiyun.Id, Trips.Traveller("白云乘客", "13800000001"));
        var dalang = await Trips.PlanAsync(_factory, TripData.Guangzhou with { DestinationCity = "东莞" }, Dalang);
        await Trips.SignUpAsync(_factory, dalang.Id, Trips.Traveller("大朗乘客", "13800000002"));
        return (baiyun.Id, dalang.Id);
    }

    /// <summary>What a refused post could have changed: departures (city, seats, cancelled, key) and booking statuses.</summary>
    private Task<string> SnapshotAsync() => Trips.ReadAsync(_factory, async db =>
    {
        var trips = await db.ReturnTrips.OrderBy(t => t.Id).Select(t => $"{t.Id}:{t.DestinationCity}:{t.Seats}:{t.CancelledAt != null}:{t.BoardingKey}").ToListAsync();
        var bookings = await db.TripBookings.OrderBy(b => b.Id).Select(b => $"{b.Id}:{b.Status}").ToListAsync();
        return $"{string.Join(",", trips)} | {string.Join(",", bookings)}";
    });
}
