using Pingtang.Bot.Dialogs;
using System.Net;
using System.Net.Http.Json;
using Hangfire;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Scheduling;
using Pingtang.Bot.Staff;
using Pingtang.Bot.Tests.Jobs;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Training;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Tests.Jobs;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Scheduling;

[Collection(HangfireCollection.Name)]
public sealed class SchedulingTests
{
    private const string Password = "correct-horse-battery-staple";

    private static readonly Dictionary<string, string?> Enabled = new()
    {
        ["Scheduling:Enabled"] = "true",
    };

    [Theory]
    [InlineData(SchedulingExtensions.DashboardPath)]
    [InlineData(SchedulingExtensions.DashboardPath + "/recurring")]
    [InlineData(SchedulingExtensions.DashboardPath + "/stats")]
    public async Task Dashboard_sends_anyone_not_signed_in_to_the_staff_login(string path)
    {
        using var factory = new PingtangFactory(Enabled);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(StaffAccess.LoginPath, response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Dashboard_shows_administrators_the_recurring_jobs_and_refuses_a_wrong_password()
    {
        using var factory = new PingtangFactory(Enabled);
        await StaffClient.EnsureAccountAsync(factory, StaffClient.Account, Password);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var refused = await SignInAsync(client, "guess");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(SchedulingExtensions.DashboardPath)).StatusCode);

        var signedIn = await SignInAsync(client, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(SchedulingExtensions.DashboardPath, signedIn.Headers.Location?.OriginalString);

        var dashboard = await client.GetAsync(SchedulingExtensions.DashboardPath);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("平塘就业助手 · 定时任务", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var recurring = await client.GetStringAsync(SchedulingExtensions.DashboardPath + "/recurring");
        Assert.Contains(JobAlertJob.RecurringJobId, recurring, StringComparison.Ordinal);
        Assert.Contains(SessionReminderJob.RecurringJobId, recurring, StringComparison.Ordinal);
        Assert.Contains(Pingtang.Bot.ReturnTrips.TripReminderJob.RecurringJobId, recurring, StringComparison.Ordinal);
        Assert.Contains(Pingtang.Bot.Channels.WeChat.WeChatInbox.RecurringJobId, recurring, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_scheduling_there_is_no_dashboard_and_no_hangfire_storage()
    {
        using var factory = new PingtangFactory(new Dictionary<string, string?> { ["Scheduling:Enabled"] = "false" });

        var response = await factory.CreateClient().GetAsync(SchedulingExtensions.DashboardPath);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(factory.DataFolder, SchedulingExtensions.StorageFile)));
    }

    [Fact]
    public async Task Hourly_job_alert_runs_on_the_hangfire_server_and_its_one_alert_reaches_the_worker_through_the_outbox()
    {
        await using var connector = await FakeConnector.StartAsync();
        var clock = new FakeTimeProvider(TestClock.Now.AddHours(-1));
        using var factory = new PingtangFactory(Enabled, clock);
        await factory.CreateClient().PostAsJsonAsync("/api/messages", connector.Message("m1", "conv-1", "你好"));
        await WorkerProfiles.SetAsync(factory, "user-of-conv-1", WorkerProfile.Empty with { BirthYear = 1985, AcceptsReminders = true });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var workerId = await WorkerProfiles.WorkerIdAsync(factory, "user-of-conv-1");
            await scope.ServiceProvider.GetRequiredService<SavedSearches>().SaveAsync(workerId, new JobQuery { City = "东莞市" }, default);
        }

        await Postings.AddAsync(factory, JobDrafts.Factory);
        clock.SetUtcNow(TestClock.Now);
        connector.Bodies.Clear();
        var recurring = factory.Services.GetRequiredService<IRecurringJobManager>();
        var monitoring = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        // Counted by job: the server also runs the minutely broadcasts job whenever a minute turns during the test.
        int AlertRuns() => monitoring.SucceededJobs(0, 1000).Count(j => j.Value.Job?.Type == typeof(JobAlertJob));
        recurring.Trigger(JobAlertJob.RecurringJobId);
        await WaitUntilAsync(() => AlertRuns() == 1);
        recurring.Trigger(JobAlertJob.RecurringJobId);
        await WaitUntilAsync(() => AlertRuns() == 2);
        await factory.SendDueAsync();

        var text = Assert.Single(connector.Texts());
        Assert.Equal(
            string.Join('\n', DialogTexts.Format(JobAlertTexts.Heading, 1), "1. 电子厂普工 · 东莞市大朗镇 · 5000-6500元/月 · 包吃住", JobAlertTexts.HowToOpen),
            text);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string password) =>
        client.SignInAsync(StaffClient.Account, password, SchedulingExtensions.DashboardPath);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }
}
