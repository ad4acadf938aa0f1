using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// The Data Protection key ring, which encrypts travellers' ID-card numbers and signs the staff cookie and antiforgery
/// tokens: in the data folder's <c>keys/</c> on SQLite; in the database on PostgreSQL, so that what one instance
/// protected every other can read. One application name for all, since it is part of every protector's purpose.
/// </summary>
public static class SharedKeyRing
{
    public const string ApplicationName = "Pingtang";

    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services)
    {
        // Before AddDataProtection, whose hosted service reads (and on an empty ring makes) the first key at start-up.
        services.AddHostedService<FirstKey>();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<Database, DataFolder, IDbContextFactory<BotDb>, ILoggerFactory>((options, database, folder, databases, logs) =>
                options.XmlRepository = database.IsPostgres ? new DatabaseXmlRepository(databases) : new FileSystemXmlRepository(KeysFolder(folder), logs));
        return services;
    }

    private static DirectoryInfo KeysFolder(DataFolder folder) => OperatingSystem.IsWindows()
        ? Directory.CreateDirectory(folder.File("keys"))
        : Directory.CreateDirectory(folder.File("keys"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

    /// <summary>
    /// Our own <see cref="IXmlRepository"/> rather than the EntityFrameworkCore package's: that one resolves a scoped
    /// context that implements its interface, and ours are pooled factories whose tables each feature contributes,
    /// and the repository is two queries. Data Protection calls it synchronously.
    /// </summary>
    private sealed class DatabaseXmlRepository(IDbContextFactory<BotDb> databases) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var db = databases.CreateDbContext();
            return [.. db.Set<DataProtectionKeyRow>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(xml => XElement.Parse(xml))];
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var db = databases.CreateDbContext();
            db.Add(new DataProtectionKeyRow(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
            db.SaveChanges();
        }
    }

    /// <summary>
    /// On PostgreSQL, the first key is made by one instance while the others wait. Left to Data Protection, instances
    /// starting together on an empty ring would each make a key and use their own until they next read the ring (a
    /// day later); later keys are made two days before they are used, so every instance has read them by then.
    /// </summary>
    private sealed class FirstKey(Database database, IKeyManager keys, IOptions<KeyManagementOptions> options, TimeProvider time) : IHostedService
    {
        /// <summary>An advisory lock of its own; any fixed number serves.</summary>
        private const long FirstKeyLock = 0x5E73_4B45;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (!database.IsPostgres)
            {
                return;
            }

            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({FirstKeyLock})", connection))
            {
                take.CommandTimeout = 0;
                await take.ExecuteNonQueryAsync(cancellationToken);
            }

            var now = time.GetUtcNow();
            if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
            {
                keys.CreateNewKey(now, now + options.Value.NewKeyLifetime);
            }

            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({FirstKeyLock})", connection);
            await release.ExecuteNonQueryAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>One element of the Data Protection key ring, on PostgreSQL (<see cref="SharedKeyRing"/>).</summary>
public sealed class DataProtectionKeyRow
{
    private DataProtectionKeyRow()
    {
    }

    internal DataProtectionKeyRow(string? friendlyName, string xml)
    {
        FriendlyName = friendlyName;
        Xml = xml;
    }

    public int Id { get; private set; }

    public string? FriendlyName { get; private set; }

    public string Xml { get; private set; } = string.Empty;
}

internal sealed class DataProtectionKeyRowConfiguration : IEntityTypeConfiguration<DataProtectionKeyRow>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRow> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.FriendlyName).HasMaxLength(100);
    }
}
