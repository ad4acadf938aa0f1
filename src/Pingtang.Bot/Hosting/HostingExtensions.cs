using Microsoft.Bot.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pingtang.Bot.Hosting.Migrations.Postgres;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Hosting.State;
using Pingtang.Domain;
using Pingtang.Domain.Migrations.Postgres;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Hosting;

public static class HostingExtensions
{
    /// <summary>
    /// The database (<see cref="Database"/>): SQLite in the data folder by default (<c>Storage:DataFolder</c>, default
    /// <c>data/</c>) or <c>ConnectionStrings:Pingtang</c>; PostgreSQL with <c>Storage:Provider=Postgres</c>. Both
    /// contexts share it.
    /// </summary>
    public static WebApplicationBuilder AddPingtangData(this WebApplicationBuilder builder)
    {
        // Read when first needed, not now, so that settings layered on later (tests, hosting) are seen.
        builder.Services.AddSingleton(sp => new DataFolder(Path.Combine(
            sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<IConfiguration>()["Storage:DataFolder"] ?? "data")));
        builder.Services.AddSingleton(sp => Database.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<DataFolder>()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IInterceptor>(sp => SqliteTuning.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        // One gate for both contexts: they write to the same file.
        builder.Services.AddSingleton<SqliteWriteGate>();
        builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<SqliteWriteGate>());

        // Pooled: a turn's unit of work is leased and reset rather than built, which the job search's benchmark shows;
        // a turn opens three or four bot contexts too (state read and write, the address book), and building one
        // resolves EF Core's services each time, a twentieth of a turn's CPU in the turns benchmark's profile.
        // Interceptors registered in the container join in (the benchmark records the SQL that way). A pool for each
        // provider's type; the one chosen serves the contexts everything else asks for.
        builder.Services.AddPooledDbContextFactory<PingtangDb>((sp, o) => OnSqlite(sp, o));
        builder.Services.AddPooledDbContextFactory<PostgresPingtangDb>((sp, o) => OnPostgres(sp, o));
        builder.Services.AddPooledDbContextFactory<BotDb>((sp, o) => OnSqlite(sp, o, BotDb.MigrationsHistoryTable));
        builder.Services.AddPooledDbContextFactory<PostgresBotDb>((sp, o) => OnPostgres(sp, o, BotDb.MigrationsHistoryTable));
        builder.Services.Replace(ServiceDescriptor.Singleton(Chosen<PingtangDb, PostgresPingtangDb>));
        builder.Services.Replace(ServiceDescriptor.Singleton(Chosen<BotDb, PostgresBotDb>));
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PingtangDb>>().CreateDbContext());
        builder.Services.AddScoped<WorkerRegistry>();
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddHostedService<DatabaseNotifications>();
        builder.Services.AddSingleton<SharedRateLimits>();
        return builder;
    }

    private static void OnSqlite(IServiceProvider services, DbContextOptionsBuilder options, string? historyTable = null) =>
        QuietAboutRaces(options.UseSqlite(services.GetRequiredService<Database>().ConnectionString, s => s.MigrationsHistoryTable(historyTable ?? HistoryRepository.DefaultTableName)))
            .AddInterceptors(services.GetServices<IInterceptor>());

    private static void OnPostgres(IServiceProvider services, DbContextOptionsBuilder options, string? historyTable = null) =>
        QuietAboutRaces(options.UseNpgsql(services.GetRequiredService<Database>().ConnectionString, s => s.MigrationsHistoryTable(historyTable ?? HistoryRepository.DefaultTableName)))
            .AddInterceptors(services.GetServices<IInterceptor>().Where(i => i is not SqliteTuning and not SqliteWriteGate));

    /// <summary>The factory of <typeparamref name="TContext"/>s from the pool of the provider chosen.</summary>
    private static IDbContextFactory<TContext> Chosen<TContext, TPostgres>(IServiceProvider services)
        where TContext : DbContext
        where TPostgres : TContext =>
        services.GetRequiredService<Database>().IsPostgres
            ? new ContextFactory<TContext>(services.GetRequiredService<IDbContextFactory<TPostgres>>().CreateDbContext)
            : new PooledDbContextFactory<TContext>(services.GetRequiredService<DbContextOptions<TContext>>());

    private sealed class ContextFactory<TContext>(Func<TContext> create) : IDbContextFactory<TContext>
        where TContext : DbContext
    {
        public TContext CreateDbContext() => create();
    }

    /// <summary>
    /// EF Core logs every failed command as an error, with its stack, before the caller sees the exception. Our
    /// callers expect some (a unique index refusing the second of two racing inserts, which they retry or read back)
    /// and log the rest themselves, so these are debug lines: an error in the log is something to act on.
    /// </summary>
    private static DbContextOptionsBuilder QuietAboutRaces(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

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
