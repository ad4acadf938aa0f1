using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Hosting;
using Pingtang.Domain;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Workers;

namespace Pingtang.Benchmarks.Turns;

/// <summary>
/// The outbox benchmark's messages: a broadcast of <see cref="Messages"/> promotional messages to <see cref="Workers"/>
/// workers who accepted reminders, message <c>i</c> to worker <c>i mod Workers</c>, each worker reached through the
/// Emulator's channel at the benchmark's fake connector. The service's database is seeded with them; the bare loop
/// sends the same activities to the same conversations.
/// </summary>
internal sealed record OutboxLoad(int Messages, int Workers)
{
    public const int Parallelism = 8;

    private const string Kind = "岗位推送";

    /// <summary><c>--messages 100000 --workers 10000</c>: issue 9's 100,000 messages, ten to a worker.</summary>
    public static OutboxLoad From(string[] args)
    {
        var messages = Options.Int(args, "--messages", 100_000);
        return new(messages, Math.Min(messages, Options.Int(args, "--workers", 10_000)));
    }

    /// <summary>A message's words, about the length of a job alert; the number makes each one recognisable where it arrives.</summary>
    public static string Text(int message) => string.Create(
        CultureInfo.InvariantCulture,
        $"【平塘县就业服务中心】广州市白云区劳务协作站本周新到岗位：电子厂普工，月薪5500–7000元，包吃包住；仓库叉车司机，月薪6500元。回复「岗位」查看和报名；回复「退订」不再接收。（第{message + 1}条）");

    /// <summary>Where a worker is reached: what the address book keeps from an Emulator conversation with them.</summary>
    public static ConversationReference Address(int worker, string serviceUrl) => new()
    {
        ChannelId = Microsoft.Bot.Connector.Channels.Emulator,
        ServiceUrl = serviceUrl,
        User = new ChannelAccount($"bench-worker-{worker}", "工友", RoleTypes.User),
        Bot = new ChannelAccount("bot", "Bot", RoleTypes.Bot),
        Conversation = new ConversationAccount(id: $"bench-conversation-{worker}"),
        Locale = "zh-CN",
    };

    public int WorkerOf(int message) => message % Workers;

    /// <summary>Message <paramref name="message"/> as a bot sends it into its worker's conversation.</summary>
    public Activity MessageActivity(int message, string serviceUrl) =>
        ((Activity)MessageFactory.Text(Text(message))).ApplyConversationReference(Address(WorkerOf(message), serviceUrl));

    /// <summary>
    /// Creates the service's database where <paramref name="storage"/> (its command-line settings) says, with the service's own data set-up and
    /// migrations, and seeds the workers, their addresses and (unless <paramref name="queueMessages"/> is false, for a
    /// broadcast that queues its own) every message, queued through the outbox.
    /// </summary>
    public async Task SeedAsync(string[] storage, string serviceUrl, CancellationToken cancellationToken, bool queueMessages = true)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var builder = WebApplication.CreateBuilder(storage);
        builder.Logging.ClearProviders();
        builder.AddPingtangData();
        await using (var app = builder.Build())
        {
            await ActivatorUtilities.CreateInstance<DatabaseMigrator>(app.Services).MigrateAsync(cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
            var now = DateTimeOffset.UtcNow;
            var workers = Enumerable.Range(0, Workers).Select(_ => Worker.Register(now)).ToList();
            foreach (var worker in workers)
            {
                worker.SetReminders(true);
            }

            db.Workers.AddRange(workers);
            await db.SaveChangesAsync(cancellationToken);

            await using (var bot = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync(cancellationToken))
            {
                bot.AddRange(workers.Select((w, i) => new WorkerAddress
                {
                    ChannelId = Microsoft.Bot.Connector.Channels.Emulator,
                    UserId = $"bench-worker-{i}",
                    WorkerId = w.Id,
                    LastSeenAt = now,
                    ConversationReference = JsonConvert.SerializeObject(Address(i, serviceUrl)),
                }));
                await bot.SaveChangesAsync(cancellationToken);
            }

            // In saves of 10,000, so the change tracker stays small.
            var outbox = new OutboxMessages(db, TimeProvider.System);
            foreach (var chunk in Enumerable.Range(0, queueMessages ? Messages : 0).Chunk(10_000))
            {
                foreach (var i in chunk)
                {
                    outbox.Queue(new OutboxDraft(workers[WorkerOf(i)].Id, Kind, MessagePurpose.Promotional, $"bench-broadcast:{i}", Text(i)));
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        // The service must find the database closed, its write-ahead log folded in.
        SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        Console.WriteLine($"Seeded {Workers:N0} workers, their addresses and {(queueMessages ? Messages : 0):N0} queued messages in {watch.Elapsed.TotalSeconds:N0} s.");
    }

    public override string ToString() => $"{Messages:N0} messages to {Workers:N0} workers, {Parallelism} at a time";
}
