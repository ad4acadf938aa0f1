using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Scheduling;
using Pingtang.Bot.Staff;
using Pingtang.Bot.Tests.Jobs;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Tests.Training;
using Pingtang.Bot.Training;
using Pingtang.Domain;
using Pingtang.Domain.Training;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Security;

/// <summary>
/// A page of another origin of the same site (another port, a sibling subdomain) posting with the administrator's
/// cookies, as the outside test did: every staff POST without the form's token is refused and changes nothing.
/// </summary>
[Collection(HangfireCollection.Name)]
public sealed partial class AntiforgeryTests : IDisposable
{
    private const string Password = "test-admin-password";

    private readonly PingtangFactory _factory = new(new Dictionary<string, string?>(), new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    public static TheoryData<string> StaffPosts() =>
    [
        StaffAccess.LogoutPath,
        $"{JobStaffEndpoints.Path}/import",
        $"{TrainingStaffEndpoints.Path}/import",
        $"{TrainingStaffEndpoints.Path}/new",
        $"{TrainingStaffEndpoints.Path}/{{session}}",
        $"{TrainingStaffEndpoints.Path}/{{session}}/cancel",
        $"{TrainingStaffEndpoints.Path}/enrolments/{{enrolment}}/attended",
        $"{TrainingStaffEndpoints.Path}/enrolments/{{enrolment}}/completed",
    ];

    [Theory]
    [MemberData(nameof(StaffPosts))]
    public async Task A_staff_post_without_the_forms_token_is_refused_and_changes_nothing(string path)
    {
        var (session, enrolment) = await SessionWithEnrolmentAsync();
        using var staff = await StaffClient.SignInAsync(_factory, Password);
        var before = await SnapshotAsync();
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent("外部编号,课程\nPT-1,焊工\n"u8.ToArray()), "file", "sheet.csv" },
            { new StringContent("平塘县职业技术学校"), "place" },
            { new StringContent("2"), "course" },
        };

        using var response = await staff.PostAsync(path.Replace("{session}", $"{session}", StringComparison.Ordinal).Replace("{enrolment}", $"{enrolment}", StringComparison.Ordinal), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(StaffForms.Expired, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(StaffAccess.HomePath)).StatusCode);
    }

    [Fact]
    public async Task Signing_in_without_the_login_pages_token_is_refused()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["password"] = Password, ["returnUrl"] = StaffAccess.HomePath });

        using var response = await client.PostAsync(StaffAccess.LoginPath, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(StaffAccess.HomePath)).StatusCode);
    }

    [Fact]
    public async Task A_token_from_before_signing_in_or_from_another_browser_is_refused()
    {
        var (session, _) = await SessionWithEnrolmentAsync();
        await StaffClient.EnsureAccountAsync(_factory, StaffClient.Account, Password);
        using var staff = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var anonymousToken = await staff.TokenAsync(StaffAccess.LoginPath);
        using (await staff.SignInAsync(StaffClient.Account, Password, StaffAccess.HomePath))
        {
        }

        using var other = await StaffClient.SignInAsync(_factory, Password);
        var othersToken = await other.TokenAsync(StaffAccess.HomePath);
        var cancel = $"{TrainingStaffEndpoints.Path}/{session}/cancel";

        using var withAnonymous = await staff.PostAsync(cancel, new FormUrlEncodedContent(new Dictionary<string, string> { [StaffClient.TokenField] = anonymousToken }));
        using var withOthers = await staff.PostAsync(cancel, new FormUrlEncodedContent(new Dictionary<string, string> { [StaffClient.TokenField] = othersToken }));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (withAnonymous.StatusCode, withOthers.StatusCode));
        Assert.False(await IsCancelledAsync(session));
    }

    [Fact]
    public async Task A_post_the_browser_says_came_from_another_origin_of_the_site_is_refused_even_with_a_token()
    {
        var (session, _) = await SessionWithEnrolmentAsync();
        using var staff = await StaffClient.SignInAsync(_factory, Password);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{TrainingStaffEndpoints.Path}/{session}/cancel")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { [StaffClient.TokenField] = await staff.TokenAsync(StaffAccess.HomePath) }),
        };
        request.Headers.Add("Sec-Fetch-Site", "same-site");

        using var response = await staff.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await IsCancelledAsync(session));
    }

    [Fact]
    public async Task Every_form_that_posts_on_the_staff_pages_carries_the_token()
    {
        var (session, _) = await SessionWithEnrolmentAsync();
        using var staff = await StaffClient.SignInAsync(_factory, Password);
        var pages = new[] { StaffAccess.LoginPath, StaffAccess.HomePath, JobStaffEndpoints.Path, TrainingStaffEndpoints.Path, $"{TrainingStaffEndpoints.Path}/new", $"{TrainingStaffEndpoints.Path}/{session}" };

        var forms = new List<string>();
        foreach (var page in pages)
        {
            forms.AddRange(PostForms().Matches(await staff.GetStringAsync(page)).Select(m => m.Value));
        }

        // Login; the frame's 退出 on each of the six pages (the login page too, for this signed-in browser); two imports,
        // new, edit, cancel, and 记到课 + 记结业 for the one confirmed worker.
        Assert.Equal(14, forms.Count);
        Assert.All(forms, form => Assert.Contains($"name=\"{StaffClient.TokenField}\"", form, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_actions_need_the_token_of_a_dashboard_page()
    {
        using var factory = new PingtangFactory(new Dictionary<string, string?> { ["Scheduling:Enabled"] = "true" });
        using var staff = await StaffClient.SignInAsync(factory, Password, SchedulingExtensions.DashboardPath);
        var page = await staff.GetStringAsync($"{SchedulingExtensions.DashboardPath}/recurring");
        var header = DashboardMeta("csrf-header").Match(page).Groups[1].Value;
        var token = WebUtility.HtmlDecode(DashboardMeta("csrf-token").Match(page).Groups[1].Value);
        var trigger = $"{SchedulingExtensions.DashboardPath}/recurring/trigger";
        FormUrlEncodedContent Jobs() => new([new("jobs[]", JobAlertJob.RecurringJobId)]);

        using var without = await staff.PostAsync(trigger, Jobs());
        var afterRefusal = LastJobId(factory);
        using var request = new HttpRequestMessage(HttpMethod.Post, trigger) { Content = Jobs() };
        request.Headers.Add(header, token);
        using var with = await staff.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, without.StatusCode);
        Assert.Null(afterRefusal);
        Assert.Equal(HttpStatusCode.NoContent, with.StatusCode);
        Assert.NotNull(LastJobId(factory));
    }

    private static string? LastJobId(PingtangFactory factory)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs([JobAlertJob.RecurringJobId]).Single().LastJobId;
    }

    /// <summary>A one-seat 焊工 session with one confirmed worker.</summary>
    private async Task<(int Session, int Enrolment)> SessionWithEnrolmentAsync()
    {
        var session = await Sessions.PlanAsync(_factory, "焊工", Sessions.Welding with { Seats = 1 });
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var worker = Worker.Register(TestClock.Now);
        worker.UpdateProfile(WorkerProfile.Empty with { Name = "王师傅", Mobile = "13812345678", BirthYear = 1985, HomeTownship = "掌布镇" }, TestClock.Now);
        db.Workers.Add(worker);
        await db.SaveChangesAsync();
        await new Enrolments(db, scope.ServiceProvider.GetRequiredService<TimeProvider>()).EnrolAsync(worker.Id, session, default);
        return (session, await db.Enrolments.Select(e => e.Id).SingleAsync());
    }

    /// <summary>What a staff POST could change: postings, sessions (place, seats, cancelled) and enrolment statuses.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var postings = await db.JobPostings.CountAsync();
        var sessions = await db.TrainingSessions.OrderBy(s => s.Id).Select(s => $"{s.Id}:{s.Place}:{s.Seats}:{s.CancelledAt != null}").ToListAsync();
        var enrolments = await db.Enrolments.OrderBy(e => e.Id).Select(e => $"{e.Id}:{e.Status}").ToListAsync();
        return $"{postings} | {string.Join(",", sessions)} | {string.Join(",", enrolments)}";
    }

    private async Task<bool> IsCancelledAsync(int session)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().TrainingSessions.Where(s => s.Id == session).Select(s => s.CancelledAt != null).SingleAsync();
    }

    private static Regex DashboardMeta(string name) => new($"<meta name=\"{name}\" content=\"([^\"]+)\"");

    [GeneratedRegex("<form method=\"post\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex PostForms();
}
