using Microsoft.Bot.Builder;
using Microsoft.EntityFrameworkCore;
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
        var folder = new DataFolder(Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Storage:DataFolder"] ?? "data"));
        var connectionString = builder.Configuration.GetConnectionString("Pingtang")
            ?? $"Data Source={folder.File("pingtang.db")}";

        builder.Services.AddSingleton(folder);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDbContext<PingtangDb>(o => o.UseSqlite(connectionString));
        builder.Services.AddDbContextFactory<BotDb>(
            o => o.UseSqlite(connectionString, s => s.MigrationsHistoryTable(BotDb.MigrationsHistoryTable)));
        builder.Services.AddScoped<WorkerRegistry>();
        builder.Services.AddHostedService<DatabaseMigrator>();
        return builder;
    }

    /// <summary>Bot state on our database, the turn pipeline every channel runs, and proactive messages.</summary>
    public static WebApplicationBuilder AddBotCore(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IStorage, EfStorage>();
        builder.Services.AddSingleton<ConversationState>();
        builder.Services.AddSingleton<UserState>();
        builder.Services.AddSingleton<ConversationTurnLock>();
        builder.Services.AddSingleton<AddressBook>();
        builder.Services.AddSingleton<TurnErrorHandler>();
        builder.Services.AddSingleton<ProactiveMessenger>();
        return builder;
    }
}
