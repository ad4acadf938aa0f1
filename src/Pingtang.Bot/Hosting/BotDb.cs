using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// The chat plumbing's tables — bot state, channel conversations, workers' addresses — kept in the same database as
/// <see cref="Pingtang.Domain.PingtangDb"/> but in their own context, because the domain knows nothing of chat.
/// Each channel or plumbing folder contributes its tables with an <see cref="IEntityTypeConfiguration{TEntity}"/>.
/// </summary>
/// <remarks>
/// New migration: <c>dotnet ef migrations add NAME --project src/Pingtang.Bot --context BotDb --output-dir Hosting/Migrations</c>.
/// </remarks>
public class BotDb : DbContext
{
    public const string MigrationsHistoryTable = "__BotMigrationsHistory";

    public BotDb(DbContextOptions<BotDb> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="Migrations.Postgres.PostgresBotDb"/>, the same model with PostgreSQL's own migrations.</summary>
    protected BotDb(DbContextOptions options)
        : base(options)
    {
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BotDb).Assembly);
}

/// <summary>Lets <c>dotnet ef</c> build the model without starting the web host.</summary>
internal sealed class BotDbDesignTimeFactory : IDesignTimeDbContextFactory<BotDb>
{
    public BotDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BotDb>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(BotDb.MigrationsHistoryTable))
            .Options);
}
