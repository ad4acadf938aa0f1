using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Outbox;

namespace Pingtang.Bot.Tests.Support;

/// <summary>The outbox's sender run by the test, at the moment the test chooses, rather than in the background.</summary>
public static class OutboxRun
{
    /// <summary>Sends, batch after batch, every message due now; returns how many were leased.</summary>
    public static async Task<int> SendDueAsync(this PingtangFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var sender = factory.Services.GetRequiredService<OutboxSender>();
        var leased = 0;
        int batch;
        while ((batch = await sender.SendBatchAsync(CancellationToken.None)) > 0)
        {
            leased += batch;
        }

        return leased;
    }
}
