using Microsoft.Bot.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Hosting.State;
using Pingtang.Domain;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Hosting;

public static class HostingExtensions
{
    /// <summary>
    /// The database: SQLite in the data folder by default (<c>Storage:DataFolder</c>, default <c>data/</c>), or
    /// <c>ConnectionStrings:Pingtang</c>. Both contexts share it.
    /// </summary>
    public static WebApplicationBuilder AddPingtangData(this WebApplicationBuilder builder)
    {
        // Read when first needed, not now, so that settings layered on later (tests, hosting) are seen.
        builder.Services.AddSingleton(sp => new DataFolder(Path.Combine(
            sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<IConfiguration>()["Storage:DataFolder"] ?? "data")));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IInterceptor>(sp => SqliteTuning.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        // One gate for both contexts: they write to the same file.
        builder.Services.AddSingleton<SqliteWriteGate>();
        builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<SqliteWriteGate>());
        // Pooled: a turn's unit of work is leased and reset rather than built, which the job search's benchmark shows.
        // Interceptors registered in the container join in (the benchmark records the SQL that way).
        builder.Services.AddDbContextPool<PingtangDb>((sp, o) => QuietAboutRaces(o.UseSqlite(ConnectionString(sp)).AddInterceptors(sp.GetServices<IInterceptor>())));
        // Pooled too: a turn opens three or four of these (state read and write, the address book), and building one
        // resolves EF Core's services each time, a twentieth of a turn's CPU in the turns benchmark's profile.
        builder.Services.AddPooledDbContextFactory<BotDb>(
            (sp, o) => QuietAboutRaces(o.UseSqlite(ConnectionString(sp), s => s.MigrationsHistoryTable(BotDb.MigrationsHistoryTable)).AddInterceptors(sp.GetServices<IInterceptor>())));
        builder.Services.AddScoped<WorkerRegistry>();
        builder.Services.AddHostedService<DatabaseMigrator>();
        return builder;
    }

    /// <summary>
    /// EF Core logs every failed command as an error, with its stack, before the caller sees the exception. Our
    /// callers expect some (a unique index refusing the second of two racing inserts, which they retry or read back)
    /// and log the rest themselves, so these are debug lines: an error in the log is something to act on.
    /// </summary>
    private static DbContextOptionsBuilder QuietAboutRaces(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString("Pingtang")
        ?? $"Data Source={services.GetRequiredService<DataFolder>().File("pingtang.db")}";

    /// <summary>
    /// Bot state on our database, the turn pipeline every channel runs, proactive messages, and a log that shows no
    /// worker's phone or ID number.
    /// </summary>
    public static WebApplicationBuilder AddBotCore(this WebApplicationBuilder builder)
    {
        builder.Logging.MaskPersonalNumbers();
        builder.Services.AddSingleton<IStorage, EfStorage>();
        builder.Services.AddSingleton<ConversationState>();
        builder.Services.AddSingleton<UserState>();
        builder.Services.AddSingleton<ConversationTurnLock>();
        builder.Services.AddSingleton<AddressBook>();
        builder.Services.AddSingleton<TurnErrorHandler>();
        builder.Services.AddSingleton<ProactiveMessenger>();
        builder.Services.AddSingleton<PublicAddress>();
        return builder;
    }
}
