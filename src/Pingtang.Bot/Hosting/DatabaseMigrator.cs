using Microsoft.EntityFrameworkCore;
using Pingtang.Domain;

namespace Pingtang.Bot.Hosting;

/// <summary>Brings the database up to date before the service takes requests, or a command line task runs.</summary>
internal sealed class DatabaseMigrator(IServiceScopeFactory scopes) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => MigrateAsync(cancellationToken);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var domain = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        await domain.Database.MigrateAsync(cancellationToken);
        if (domain.Database.IsSqlite())
        {
            // WAL lets readers carry on while a turn writes; writers queue at SqliteWriteGate (this process) and in
            // SQLite's busy handler (others) instead of failing.
            await domain.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await using var bot = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync(cancellationToken);
        await bot.Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
