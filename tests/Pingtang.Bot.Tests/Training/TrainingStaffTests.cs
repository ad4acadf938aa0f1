using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Training;
using Pingtang.Domain;
using Pingtang.Domain.Tests.Training;
using Pingtang.Domain.Training;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Training;

/// <summary>The 培训管理 pages through the real host; the notice job resolved from it and run directly.</summary>
[Collection(HangfireCollection.Name)]
public sealed class TrainingStaffTests : IDisposable
{
    private const string Password = "test-admin-password";

    private readonly RecordingChannel _channel = new();

    private readonly PingtangFactory _factory;

    public TrainingStaffTests() => _factory = new PingtangFactory(
        new Dictionary<string, string?>(),
        new FakeTimeProvider(TestClock.Now),
        services: services => services.AddSingleton<IProactiveChannel>(_channel));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(TrainingStaffEndpoints.Path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/console/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_creates_a_session_after_a_validation_problem_and_sees_it_listed()
    {
        using var staff = await SignInAsync();
        var form = new Dictionary<string, string>
        {
            ["course"] = "2", ["place"] = "平塘县公共实训基地", ["startsOn"] = "2026-12-10", ["endsOn"] = "2026-12-01",
            ["enrolBy"] = "2026-12-08", ["seats"] = "20", ["fee"] = "免费", ["bring"] = "身份证",
        };

        using var refused = await staff.PostFormAsync($"{TrainingStaffEndpoints.Path}/new", form);
        form["endsOn"] = "2026-12-24";
        using var created = await staff.PostFormAsync($"{TrainingStaffEndpoints.Path}/new", form);
        var list = await staff.GetStringAsync(TrainingStaffEndpoints.Path);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("结束日期早于开始日期", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("<h3>焊工</h3>", list, StringComparison.Ordinal);
        Assert.Contains("2026-12-10 至 2026-12-24", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_tells_the_enrolled_and_the_waiting_worker_once_each()
    {
        var session = await SessionWithWorkersAsync("worker-a", "worker-b");
        using var staff = await SignInAsync();

        using var response = await staff.PostFormAsync($"{TrainingStaffEndpoints.Path}/{session}/cancel");
        await _factory.SendDueAsync();
        await _factory.SendDueAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, _channel.Texts.Count);
        Assert.All(_channel.Texts, text => Assert.StartsWith("【培训停课通知】", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Moving_a_session_on_its_page_tells_its_workers_the_new_place()
    {
        var session = await SessionWithWorkersAsync("worker-a", "worker-b");
        using var staff = await SignInAsync();

        using var response = await staff.PostFormAsync($"{TrainingStaffEndpoints.Path}/{session}", EditForm(seats: "1", place: "平塘县职业技术学校"));
        await _factory.SendDueAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, _channel.Texts.Count);
        Assert.All(_channel.Texts, text => Assert.StartsWith("【培训调整通知】", text, StringComparison.Ordinal));
        Assert.All(_channel.Texts, text => Assert.Contains("地点：平塘县职业技术学校", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fewer_seats_than_workers_confirmed_is_refused_on_the_page_and_nobody_is_told()
    {
        var session = await SessionWithWorkersAsync(seats: 2, "worker-a", "worker-b");
        using var staff = await SignInAsync();

        using var response = await staff.PostFormAsync($"{TrainingStaffEndpoints.Path}/{session}", EditForm(seats: "1", place: "平塘县职业技术学校"));
        await _factory.SendDueAsync();

        Assert.Contains("已有2人报名确认，名额不能少于2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_channel.Texts);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Equal("平塘县公共实训基地", (await scope.ServiceProvider.GetRequiredService<PingtangDb>().TrainingSessions.SingleAsync()).Place);
    }

    [Fact]
    public async Task Uploading_a_sheet_adds_good_rows_and_reports_bad_ones_by_line()
    {
        using var staff = await SignInAsync();
        var csv = "外部编号,课程,地点,开班日期,结业日期,名额,报名截止\n" +
            "PT-2027-01,焊工,平塘县公共实训基地,2027-01-10,2027-01-20,20,2027-01-08\n" +
            "PT-2027-02,宇航员,平塘县公共实训基地,2027-01-10,2027-01-20,20,2027-01-08\n";

        using var response = await staff.UploadAsync($"{TrainingStaffEndpoints.Path}/import", System.Text.Encoding.UTF8.GetBytes(csv), "培训班.csv", from: TrainingStaffEndpoints.Path);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("新增 1 条", page, StringComparison.Ordinal);
        Assert.Contains("<td>3</td><td>课程</td>", page, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Equal("PT-2027-01", (await scope.ServiceProvider.GetRequiredService<PingtangDb>().TrainingSessions.SingleAsync()).ExternalId);
    }

    [Fact]
    public async Task A_move_recorded_without_a_queued_job_goes_out_on_the_next_sweep_once()
    {
        var session = await SessionWithWorkersAsync("worker-a", "worker-b");
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            // As import-sessions does from the command line, where there is no Hangfire server to queue on.
            var changes = scope.ServiceProvider.GetRequiredService<TrainingSessionChanges>();
            var moved = TrainingData.Welding with { Seats = 1, Place = "平塘县职业技术学校", StartsOn = new(2026, 12, 12), EndsOn = new(2026, 12, 26) };
            Assert.Equal(2, (await changes.ChangeAsync(session, moved, default))!.Count);
        }

        await _factory.SendDueAsync();
        await _factory.SendDueAsync();

        Assert.Equal(2, _channel.Texts.Count);
        Assert.All(_channel.Texts, text => Assert.Contains("地点：平塘县职业技术学校", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Roster_lists_and_exports_workers_and_staff_mark_attendance_and_completion()
    {
        var session = await SessionWithWorkersAsync("worker-a", "worker-b");
        using var staff = await SignInAsync();
        int enrolment;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            enrolment = await scope.ServiceProvider.GetRequiredService<PingtangDb>().Enrolments.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        }

        using var attended = await staff.PostFormAsync($"{TrainingStaffEndpoints.Path}/enrolments/{enrolment}/attended");
        using var completed = await staff.PostFormAsync($"{TrainingStaffEndpoints.Path}/enrolments/{enrolment}/completed");
        var page = await staff.GetStringAsync($"{TrainingStaffEndpoints.Path}/{session}");
        var export = MiniExcel.Query(new MemoryStream(await staff.GetByteArrayAsync($"{TrainingStaffEndpoints.Path}/{session}/roster.xlsx")), useHeaderRow: true)
            .Cast<IDictionary<string, object?>>().ToList();
        var counts = await staff.GetStringAsync($"{TrainingStaffEndpoints.Path}/counts");

        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.Contains("<td>13800000001</td>", page, StringComparison.Ordinal);
        Assert.Equal(["已结业", "候补"], export.Select(r => r["状态"]?.ToString()));
        Assert.Equal("13800000002", export[1]["手机号"]?.ToString());
        Assert.Equal("1", export[1]["候补位次"]?.ToString());
        Assert.Contains("<tr><td>焊工</td><td>1</td><td>1</td><td>1</td><td>1</td><td>1</td></tr>", counts, StringComparison.Ordinal);
    }

    /// <summary>A one-seat welding session: the first worker confirmed, the second waiting.</summary>
    /// <summary>A one-seat session: the first user confirmed, the others waiting.</summary>
    private Task<int> SessionWithWorkersAsync(params string[] users) => SessionWithWorkersAsync(seats: 1, users);

    private async Task<int> SessionWithWorkersAsync(int seats, params string[] users)
    {
        var workers = new List<int>();
        foreach (var (user, i) in users.Select((u, i) => (u, i)))
        {
            await Conversation.Start(_factory, user).Send("你好").StartTestAsync();
            await WorkerProfiles.SetAsync(_factory, user, WorkerProfile.Empty with { Name = $"学员{i + 1}", Mobile = $"1380000000{i + 1}", BirthYear = 1990, HomeTownship = "掌布镇" });
            workers.Add(await WorkerProfiles.WorkerIdAsync(_factory, user));
        }

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var session = TrainingSession.Plan(await db.Courses.Where(c => c.Name == "焊工").Select(c => c.Id).SingleAsync(), new TrainingSessionDetails
        {
            Place = "平塘县公共实训基地",
            StartsOn = new(2026, 12, 10),
            EndsOn = new(2026, 12, 24),
            Seats = seats,
            EnrolBy = new(2026, 12, 8),
        }, TrainingData.Today);
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();
        var enrolments = scope.ServiceProvider.GetRequiredService<Enrolments>();
        foreach (var worker in workers)
        {
            await enrolments.EnrolAsync(worker, session.Id, default);
        }

        return session.Id;
    }

    private static Dictionary<string, string> EditForm(string seats, string place) => new()
    {
        ["place"] = place, ["startsOn"] = "2026-12-10", ["endsOn"] = "2026-12-24", ["enrolBy"] = "2026-12-08",
        ["seats"] = seats, ["fee"] = "免费", ["bring"] = "身份证",
    };

    private Task<HttpClient> SignInAsync() => StaffClient.SignInAsync(_factory, Password, TrainingStaffEndpoints.Path);
}
