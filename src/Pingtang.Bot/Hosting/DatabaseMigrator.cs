using Microsoft.EntityFrameworkCore;
using Pingtang.Domain;

namespace Pingtang.Bot.Hosting;

/// <summary>Brings the database up to date before the service takes requests, or a command line task runs.</summary>
internal sealed class DatabaseMigrator(IServiceScopeFactory scopes, Database database) : IHostedService
{
    /// <summary>
    /// The PostgreSQL advisory lock the instances starting together take in turn: the first migrates both contexts,
    /// the others wait and then find nothing left to do.
    /// </summary>
    private static readonly long MigrationLock = AdvisoryLock.KeyOf("pingtang:migrations");

    public Task StartAsync(CancellationToken cancellationToken) => MigrateAsync(cancellationToken);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (!database.IsPostgres)
        {
            await MigrateBothAsync(cancellationToken);
            return;
        }

        // Let go when its connection closes, so an instance that dies while migrating leaves no lock behind (the
        // half-applied migration rolls back with its transaction).
        await using (await AdvisoryLock.TakeAsync(database.ConnectionString, MigrationLock, wait: null, cancellationToken))
        {
            await MigrateBothAsync(cancellationToken);
        }
    }

    private async Task MigrateBothAsync(CancellationToken cancellationToken)
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
