using Microsoft.EntityFrameworkCore.Diagnostics;
using Pingtang.Domain.Outbox;

namespace Pingtang.Bot.Outbox;

public static class OutboxExtensions
{
    /// <summary>The outbox every feature queues on, and its sender in this service (unless <c>Outbox:Enabled</c> is false).</summary>
    public static WebApplicationBuilder AddOutbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OutboxMessages>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IInterceptor, OutboxWakeUp>();
        builder.Services.AddSingleton(sp => OutboxOptions.From(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton<OutboxSender>();
        builder.Services.AddHostedService(sp => new EnabledOnly(sp.GetRequiredService<OutboxOptions>(), sp.GetRequiredService<OutboxSender>()));
        return builder;
    }

    /// <summary>Settings are read when the services are built: test hosts add theirs after Program has run.</summary>
    private sealed class EnabledOnly(OutboxOptions options, OutboxSender sender) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => options.Enabled ? sender.StartAsync(cancellationToken) : Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => options.Enabled ? sender.StopAsync(cancellationToken) : Task.CompletedTask;
    }
}
