using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Broadcasts;

/// <summary>Workers and campaigns for the broadcast tests, on 2026-11-29 (China time).</summary>
public static class BroadcastData
{
    public static CampaignContent Content(Audience? audience = null, DateTimeOffset? sendAt = null, IReadOnlyList<string>? choices = null) =>
        new("返岗专车报名开始", "正月初六起有返岗专车，回复「菜单」报名。", choices ?? [], audience ?? Audience.Everyone, sendAt ?? TestDatabase.DefaultNow);

    /// <summary>A worker with this profile; <paramref name="consents"/> is their answer to reminders.</summary>
    public static async Task<int> WorkerAsync(PingtangDb db, TimeProvider time, string? township = null, string? city = null, int? born = null, string[]? trades = null, bool consents = true)
    {
        var registry = new WorkerRegistry(db, time);
        var worker = await registry.RegisterAsync(default);
        await registry.SaveProfileAsync(worker.Id, WorkerProfile.Empty with { HomeTownship = township, CurrentCity = city, BirthYear = born, Trades = trades ?? [], AcceptsReminders = consents }, default);
        return worker.Id;
    }

    /// <summary>
    /// The bot's address table, which the bot's own migrations make in the real database: here only its two columns
    /// the domain reads, and a worker's address on <paramref name="channelId"/>.
    /// </summary>
    public static async Task AddressAsync(PingtangDb db, int workerId, string channelId)
    {
        await db.Database.ExecuteSqlRawAsync($"CREATE TABLE IF NOT EXISTS {WorkerChannel.Table} (WorkerId INTEGER NOT NULL, ChannelId TEXT NOT NULL)");
        await db.Database.ExecuteSqlAsync($"INSERT INTO WorkerAddress (WorkerId, ChannelId) VALUES ({workerId}, {channelId})");
    }

    /// <summary>A campaign approved and started now, ready to fan out.</summary>
    public static async Task<int> SendingAsync(TestDatabase database, Audience? audience = null, IReadOnlyList<string>? choices = null)
    {
        await using var db = database.Open();
        var campaigns = Campaigns(db, database);
        var campaign = await campaigns.DraftAsync(Content(audience, choices: choices), Station.CountyCentreId, null, default);
        campaign.Schedule(approvedBy: null, database.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        Assert.Equal([campaign.Id], await campaigns.TakeDueAsync(default));
        return campaign.Id;
    }

    public static Campaigns Campaigns(PingtangDb db, TestDatabase database) => new(db, new Domain.Outbox.OutboxMessages(db, database.Clock), database.Clock);
}
