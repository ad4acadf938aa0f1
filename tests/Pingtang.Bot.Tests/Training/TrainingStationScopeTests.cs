using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Training;
using Pingtang.Domain;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Tests.Training;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Tests.Training;

/// <summary>培训管理 for a station's staff: the sessions their station runs and their rosters, and nothing of another station's.</summary>
public sealed class TrainingStationScopeTests : IDisposable
{
    private const string Password = "test-staff-password";

    private const int Baiyun = 2;

    private const int Dalang = 3;

    private readonly PingtangFactory _factory = new(new Dictionary<string, string?>(), new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Baiyun_staff_see_their_sessions_and_rosters_but_not_dalangs()
    {
        var (baiyun, _) = await SessionsAsync();
        using var staff = await SignInAsync();

        var list = await staff.GetStringAsync(TrainingStaffEndpoints.Path);
        var roster = await staff.GetStringAsync($"{TrainingStaffEndpoints.Path}/{baiyun.Session}");
        using var export = await staff.GetAsync($"{TrainingStaffEndpoints.Path}/{baiyun.Session}/roster.xlsx");
        var counts = await staff.GetStringAsync($"{TrainingStaffEndpoints.Path}/counts");

        Assert.Contains("白云技师学院", list, StringComparison.Ordinal);
        Assert.DoesNotContain("大朗培训中心", list, StringComparison.Ordinal);
        Assert.Contains("<td>白云学员</td><td>13800000001</td>", roster, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("<tr><td>焊工</td><td>1</td><td>1</td><td>0</td><td>0</td><td>0</td></tr>", counts, StringComparison.Ordinal);
        Assert.DoesNotContain("/import", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_route_with_another_stations_id_or_none_is_refused_and_changes_nothing()
    {
        var (_, dalang) = await SessionsAsync();
        using var staff = await SignInAsync();
        var before = await SnapshotAsync();
        var gets = new[] { $"{dalang.Session}", $"{dalang.Session}/roster.xlsx", "999", "999/roster.xlsx" };
        var posts = new[]
        {
            $"{dalang.Session}", $"{dalang.Session}/cancel", $"enrolments/{dalang.Enrolment}/attended", $"enrolments/{dalang.Enrolment}/completed",
            "999", "999/cancel", "enrolments/999/attended",
        };

        foreach (var path in gets)
        {
            using var response = await staff.GetAsync($"{TrainingStaffEndpoints.Path}/{path}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("13800000002", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var path in posts)
        {
            using var response = await staff.PostFormAsync($"{TrainingStaffEndpoints.Path}/{path}", EditForm("平塘县职业技术学校"), from: TrainingStaffEndpoints.Path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task An_admin_sees_every_stations_sessions_and_rosters()
    {
        var (baiyun, dalang) = await SessionsAsync();
        using var admin = await StaffClient.SignInAsync(_factory, Password);

        var list = await admin.GetStringAsync(TrainingStaffEndpoints.Path);
        using var baiyunRoster = await admin.GetAsync($"{TrainingStaffEndpoints.Path}/{baiyun.Session}");
        using var dalangExport = await admin.GetAsync($"{TrainingStaffEndpoints.Path}/{dalang.Session}/roster.xlsx");

        Assert.Contains("白云技师学院", list, StringComparison.Ordinal);
        Assert.Contains("大朗培训中心", list, StringComparison.Ordinal);
        Assert.Contains($"<td>{Station.DongguanDalang}</td>", list, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (baiyunRoster.StatusCode, dalangExport.StatusCode));
    }

    [Fact]
    public async Task A_session_station_staff_plan_is_their_stations_whatever_the_form_says()
    {
        using var staff = await SignInAsync();
        var form = EditForm("白云新班");
        form["course"] = "2";
        form["station"] = $"{Dalang}";

        using var created = await staff.PostFormAsync($"{TrainingStaffEndpoints.Path}/new", form, from: $"{TrainingStaffEndpoints.Path}/new");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Equal(Baiyun, (await scope.ServiceProvider.GetRequiredService<PingtangDb>().TrainingSessions.SingleAsync(s => s.Place == "白云新班")).StationId);
    }

    [Fact]
    public async Task Station_staff_may_not_import_the_countys_sheet()
    {
        using var staff = await SignInAsync();

        using var upload = await staff.UploadAsync($"{TrainingStaffEndpoints.Path}/import", "外部编号,课程\nPT-1,焊工\n"u8.ToArray(), "sheet.csv", from: TrainingStaffEndpoints.Path);

        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
    }

    [Fact]
    public async Task The_sheets_station_column_gives_a_session_to_that_station_and_an_empty_one_to_the_county_centre()
    {
        using var admin = await StaffClient.SignInAsync(_factory, Password);
        var csv = "外部编号,课程,地点,开班日期,结业日期,名额,报名截止,站点\n" +
            $"PT-1,焊工,白云技师学院,2027-01-10,2027-01-20,20,2027-01-08,{Station.GuangzhouBaiyun}\n" +
            "PT-2,焊工,平塘县公共实训基地,2027-01-10,2027-01-20,20,2027-01-08,\n" +
            "PT-3,焊工,平塘县公共实训基地,2027-01-10,2027-01-20,20,2027-01-08,火星站\n";

        using var response = await admin.UploadAsync($"{TrainingStaffEndpoints.Path}/import", System.Text.Encoding.UTF8.GetBytes(csv), "培训班.csv", from: TrainingStaffEndpoints.Path);
        var report = await response.Content.ReadAsStringAsync();

        Assert.Contains("新增 2 条", report, StringComparison.Ordinal);
        Assert.Contains("<td>4</td><td>站点</td><td>「火星站」不是已登记的站点</td>", report, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        var stations = await scope.ServiceProvider.GetRequiredService<PingtangDb>().TrainingSessions.OrderBy(s => s.ExternalId).Select(s => s.StationId).ToListAsync();
        Assert.Equal([Baiyun, Station.CountyCentreId], stations);
    }

    [Fact]
    public async Task Roster_views_exports_and_changes_are_in_the_audit_log_with_the_sessions_station()
    {
        var (baiyun, _) = await SessionsAsync();
        using var staff = await SignInAsync();

        (await staff.GetAsync($"{TrainingStaffEndpoints.Path}/{baiyun.Session}")).Dispose();
        (await staff.GetAsync($"{TrainingStaffEndpoints.Path}/{baiyun.Session}/roster.xlsx")).Dispose();
        (await staff.PostFormAsync($"{TrainingStaffEndpoints.Path}/{baiyun.Session}", EditForm("白云技师学院二楼"), from: TrainingStaffEndpoints.Path)).Dispose();
        (await staff.PostFormAsync($"{TrainingStaffEndpoints.Path}/enrolments/{baiyun.Enrolment}/attended", from: TrainingStaffEndpoints.Path)).Dispose();
        (await staff.PostFormAsync($"{TrainingStaffEndpoints.Path}/{baiyun.Session}/cancel", from: TrainingStaffEndpoints.Path)).Dispose();
        (await staff.GetAsync($"{TrainingStaffEndpoints.Path}/counts.xlsx")).Dispose();

        await using var scope = _factory.Services.CreateAsyncScope();
        var log = await scope.ServiceProvider.GetRequiredService<PingtangDb>().AuditLog.AsNoTracking()
            .Where(a => a.Account == "baiyun" && a.Kind != AuditKind.Account && a.What != "查看培训班列表").OrderBy(a => a.Id)
            .Select(a => new { a.Kind, a.What, a.StationId }).ToListAsync();
        Assert.Equal(
            [
                new { Kind = AuditKind.View, What = "查看花名册", StationId = (int?)Baiyun },
                new { Kind = AuditKind.Export, What = "导出花名册（1 人）", StationId = (int?)Baiyun },
                new { Kind = AuditKind.Action, What = "修改培训班（通知 1 人）", StationId = (int?)Baiyun },
                new { Kind = AuditKind.Action, What = "记到课", StationId = (int?)Baiyun },
                new { Kind = AuditKind.Action, What = "停课（通知 0 人）", StationId = (int?)Baiyun },
                new { Kind = AuditKind.Export, What = "导出培训统计", StationId = (int?)Baiyun },
            ],
            log);
    }

    [Fact]
    public async Task A_workers_script_for_a_name_is_shown_as_text_on_the_roster()
    {
        var (baiyun, _) = await SessionsAsync("<script>alert(1)");
        using var staff = await SignInAsync();

        var roster = await staff.GetStringAsync($"{TrainingStaffEndpoints.Path}/{baiyun.Session}");

        Assert.Contains("&lt;script&gt;alert(1)", roster, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", roster, StringComparison.Ordinal);
    }

    private Task<HttpClient> SignInAsync() => StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);

    /// <summary>A 焊工 session run by 白云 and one by 大朗, each with one confirmed worker.</summary>
    private async Task<((int Session, int Enrolment) Baiyun, (int Session, int Enrolment) Dalang)> SessionsAsync(string baiyunName = "白云学员") =>
        (await SessionAsync(Baiyun, "白云技师学院", baiyunName, "13800000001"), await SessionAsync(Dalang, "大朗培训中心", "大朗学员", "13800000002"));

    private async Task<(int Session, int Enrolment)> SessionAsync(int station, string place, string name, string mobile)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var course = await db.Courses.Where(c => c.Name == "焊工").Select(c => c.Id).SingleAsync();
        var session = TrainingSession.Plan(course, TrainingData.Welding with { Place = place, Seats = 5 }, TrainingData.Today, stationId: station);
        db.TrainingSessions.Add(session);
        var worker = await WorkerProfiles.AddAsync(db, name, mobile);
        await scope.ServiceProvider.GetRequiredService<Enrolments>().EnrolAsync(worker, session.Id, default);
        return (session.Id, await db.Enrolments.Where(e => e.SessionId == session.Id).Select(e => e.Id).SingleAsync());
    }

    /// <summary>What a refused post could have changed: sessions (place, cancelled) and enrolment statuses.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var sessions = await db.TrainingSessions.OrderBy(s => s.Id).Select(s => $"{s.Id}:{s.Place}:{s.CancelledAt != null}").ToListAsync();
        var enrolments = await db.Enrolments.OrderBy(e => e.Id).Select(e => $"{e.Id}:{e.Status}").ToListAsync();
        return $"{string.Join(",", sessions)} | {string.Join(",", enrolments)}";
    }

    private static Dictionary<string, string> EditForm(string place) => new()
    {
        ["place"] = place, ["startsOn"] = "2026-12-10", ["endsOn"] = "2026-12-24", ["enrolBy"] = "2026-12-08",
        ["seats"] = "5", ["fee"] = "免费", ["bring"] = "身份证",
    };
}
