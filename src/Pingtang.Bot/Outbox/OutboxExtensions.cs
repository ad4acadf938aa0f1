using Microsoft.EntityFrameworkCore.Diagnostics;
using Pingtang.Bot.Staff;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Outbox;

public static class OutboxExtensions
{
    /// <summary>The outbox every feature queues on, and its sender in this service (unless <c>Outbox:Enabled</c> is false).</summary>
    public static WebApplicationBuilder AddOutbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new StaffLink(OutboxStaffEndpoints.Path, OutboxStaffEndpoints.Title, "提醒和通知的发送情况：各类消息的数量，没有发出的消息和原因，重新发送", AdminOnly: true, Order: 80));
        builder.Services.AddScoped<OutboxMessages>();
        builder.Services.AddScoped<IWorkerRows, OutboxWorkerRows>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IInterceptor, OutboxWakeUp>();
        builder.Services.AddSingleton(sp => OutboxOptions.From(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton<ChannelPacing>();
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
