using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Pingtang.Domain.Jobs;

namespace Pingtang.Domain.Migrations.Postgres;

/// <summary>
/// The county's data on PostgreSQL (<c>Storage:Provider=Postgres</c>): the same model as <see cref="PingtangDb"/>,
/// with times as <c>timestamptz</c> and migrations of its own in this folder. A type of its own because EF Core finds
/// a context's migrations by its type, and SQLite's cannot run on PostgreSQL (FTS5, column types).
/// Code takes <see cref="PingtangDb"/> and never needs to know which it has.
/// </summary>
/// <remarks>
/// New migration (after SQLite's, for the same change):
/// <c>dotnet ef migrations add NAME --project src/Pingtang.Domain --context PostgresPingtangDb --output-dir Migrations/Postgres</c>.
/// </remarks>
public sealed class PostgresPingtangDb(DbContextOptions<PostgresPingtangDb> options) : PingtangDb(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        JobTermsOnPostgres.Map(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcOffsetConverter>();
}

/// <summary>
/// Npgsql writes a <c>timestamptz</c> only from a UTC value, and a clock may hand out +08:00: every time, value or
/// query parameter, is taken in UTC on its way in, so no caller has to remember.
/// </summary>
public sealed class UtcOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);

/// <summary>Lets <c>dotnet ef</c> build the model without a server: adding a migration never connects.</summary>
internal sealed class PostgresPingtangDbDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPingtangDb>
{
    public PostgresPingtangDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPingtangDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
