using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// The secrets the service makes for itself when none is configured (the Direct Line secret, the key of upload
/// links): in the data folder on SQLite, as they always were; in the database on PostgreSQL, where every instance
/// must use the same one, or a token or link given by one instance would be refused by the next.
/// </summary>
public sealed class GeneratedSecrets(Database database, DataFolder dataFolder, IDbContextFactory<BotDb> databases)
{
    /// <summary>
    /// The secret called <paramref name="name"/>, made with <paramref name="create"/> the first time. Synchronous: it
    /// is read once, where a singleton that needs it is built.
    /// </summary>
    public string GetOrCreate(string name, Func<string> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (!database.IsPostgres)
        {
            return dataFolder.GetOrCreateSecret($"{name}.txt", create);
        }

        using var db = databases.CreateDbContext();
        // Instances starting together each offer a value; the first insert wins and every one reads back the winner.
        var offered = create();
        db.Database.ExecuteSql($"""INSERT INTO "GeneratedSecrets" ("Name", "Value") VALUES ({name}, {offered}) ON CONFLICT ("Name") DO NOTHING""");
        return db.Set<GeneratedSecret>().AsNoTracking().Single(s => s.Name == name).Value;
    }
}

/// <summary>A secret of <see cref="GeneratedSecrets"/>, kept in the database on PostgreSQL.</summary>
public sealed class GeneratedSecret
{
    private GeneratedSecret()
    {
    }

    public string Name { get; private set; } = string.Empty;

    public string Value { get; private set; } = string.Empty;
}

internal sealed class GeneratedSecretConfiguration : IEntityTypeConfiguration<GeneratedSecret>
{
    public void Configure(EntityTypeBuilder<GeneratedSecret> builder)
    {
        builder.ToTable("GeneratedSecrets");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.Property(s => s.Value).HasMaxLength(256);
    }
}
