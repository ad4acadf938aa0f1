using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Scheduling;

[Collection(HangfireCollection.Name)]
public sealed class JobMetricsTests
{
    [Fact]
    public async Task A_scheduled_job_that_throws_is_counted_by_job_on_metrics()
    {
        using var factory = new PingtangFactory(
            new Dictionary<string, string?> { ["Scheduling:Enabled"] = "true" },
            services: s => s.AddTransient<FailingJob>());
        factory.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<FailingJob>(job => job.RunAsync(CancellationToken.None));

        var failures = 0d;
        for (var i = 0; i < 100 && failures == 0; i++)
        {
            await Task.Delay(200);
            failures = (await MetricsScrape.OfAsync(factory)).Value("pingtang_job_failures_total", ("job", "FailingJob.RunAsync"));
        }

        Assert.Equal(1, failures);
    }
}

/// <summary>A job that always fails, as one whose database is away would.</summary>
public sealed class FailingJob
{
    public Task RunAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("The database is away.");
}
