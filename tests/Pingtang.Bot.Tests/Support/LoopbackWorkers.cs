using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Hosting;
using Pingtang.Domain;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Support;

/// <summary>
/// Workers put straight into a host's database as if each had written once through the Emulator's channel, so that
/// what is sent to them goes to a <see cref="FakeConnector"/>: worker <c>n</c> is user <c>worker-n</c> of
/// conversation <c>conversation-n</c>.
/// </summary>
public static class LoopbackWorkers
{
    public static async Task<IReadOnlyList<int>> AddAsync(PingtangFactory host, string serviceUrl, int count, bool acceptReminders = false)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var now = DateTimeOffset.UtcNow;
        var workers = Enumerable.Range(0, count).Select(_ => Worker.Register(now)).ToList();
        workers.ForEach(w => w.SetReminders(acceptReminders));
        db.Workers.AddRange(workers);
        await db.SaveChangesAsync();

        await using var bot = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        bot.AddRange(workers.Select(w => new WorkerAddress
        {
            ChannelId = "emulator",
            UserId = $"worker-{w.Id}",
            WorkerId = w.Id,
            LastSeenAt = now,
            ConversationReference = JsonConvert.SerializeObject(new ConversationReference
            {
                ChannelId = "emulator",
                ServiceUrl = serviceUrl,
                User = new ChannelAccount($"worker-{w.Id}"),
                Bot = new ChannelAccount("bot"),
                Conversation = new ConversationAccount(id: ConversationOf(w.Id)),
            }),
        }));
        await bot.SaveChangesAsync();
        return [.. workers.Select(w => w.Id)];
    }

    public static string ConversationOf(int workerId) => $"conversation-{workerId}";
}
