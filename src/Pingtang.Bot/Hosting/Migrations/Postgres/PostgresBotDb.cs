using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Pingtang.Domain.Migrations.Postgres;

namespace Pingtang.Bot.Hosting.Migrations.Postgres;

/// <summary>
/// The chat plumbing's tables on PostgreSQL: <see cref="BotDb"/>'s model with migrations of its own in this folder,
/// as <see cref="PostgresPingtangDb"/> is for the county's data. Code takes <see cref="BotDb"/>.
/// </summary>
/// <remarks>
/// New migration (after SQLite's, for the same change):
/// <c>dotnet ef migrations add NAME --project src/Pingtang.Bot --context PostgresBotDb --output-dir Hosting/Migrations/Postgres</c>.
/// </remarks>
public sealed class PostgresBotDb(DbContextOptions<PostgresBotDb> options) : BotDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcOffsetConverter>();
}

/// <summary>Lets <c>dotnet ef</c> build the model without a server: adding a migration never connects.</summary>
internal sealed class PostgresBotDbDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBotDb>
{
    public PostgresBotDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBotDb>()
            .UseNpgsql("Host=localhost;Database=design", o => o.MigrationsHistoryTable(BotDb.MigrationsHistoryTable))
            .Options);
}
