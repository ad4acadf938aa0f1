using Hangfire;
using Hangfire.AspNetCore;

namespace Pingtang.Bot.Scheduling;

/// <summary>
/// The web host's Hangfire server: registers the recurring jobs, then processes jobs until the host stops. Does
/// nothing when scheduling is off, and then never builds Hangfire's storage.
/// </summary>
internal sealed class SchedulingServer(IServiceProvider services, IConfiguration configuration) : IHostedService, IDisposable
{
    /// <summary>Jobs are short and mostly wait on the database and channels; the machine has two cores.</summary>
    private const int WorkerCount = 2;

    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!SchedulingExtensions.IsEnabled(configuration))
        {
            return Task.CompletedTask;
        }

        // Applies the serializer settings of AddScheduling before any job is stored or read.
        services.GetRequiredService<IGlobalConfiguration>();
        var storage = services.GetRequiredService<JobStorage>();
        RecurringJobs.Register(services.GetRequiredService<IRecurringJobManager>());
        _server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                WorkerCount = WorkerCount,
                SchedulePollingInterval = SchedulingExtensions.PollInterval,
                // This host's services: Hangfire's default activator is a static shared by every host in the process.
                Activator = new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()),
                // Its failures counted on this host's meter, not through Hangfire's global filters, which every host shares.
                FilterProvider = services.GetRequiredService<JobMetrics>().WithHangfireFilters(),
            },
            storage);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            _server.SendStop();
            await _server.WaitForShutdownAsync(cancellationToken);
        }
    }

    public void Dispose() => _server?.Dispose();
}
