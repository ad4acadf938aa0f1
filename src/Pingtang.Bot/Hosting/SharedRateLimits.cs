using System.Net;
using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// A limit of requests a minute per client address that holds however many instances serve them. On SQLite, with
/// one instance, each process counts in memory. On PostgreSQL each request adds one to its address's row of the
/// minute (<see cref="RateLimitWindow"/>): a phone sent to another instance by the load balancer is not given a
/// fresh allowance there.
/// </summary>
public sealed class SharedRateLimits(Database database, TimeProvider time, ILogger<SharedRateLimits> logger)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time = time;

    private long _nextSweep;

    private bool InDatabase => database.IsPostgres;

    /// <summary>The partition of <paramref name="http"/>'s client address under <paramref name="policy"/>, for a rate limiter policy.</summary>
    public static RateLimitPartition<string> PerClient(HttpContext http, string policy, int perMinute)
    {
        ArgumentNullException.ThrowIfNull(http);
        var limits = http.RequestServices.GetRequiredService<SharedRateLimits>();
        var key = $"{policy} {http.Connection.RemoteIpAddress ?? IPAddress.None}";
        return limits.InDatabase
            ? RateLimitPartition.Get(key, k => new DatabaseWindowLimiter(limits, k, perMinute))
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = Window, QueueLimit = 0 });
    }

    private async Task<RateLimitLease> CountAsync(string key, int permits, int limit, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % Window.Ticks), TimeSpan.Zero);
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await SweepAsync(connection, start, cancellationToken);
            await using var count = new NpgsqlCommand(
                """
                INSERT INTO "RateLimitWindows" ("Key", "WindowStart", "Count") VALUES ($1, $2, $3)
                ON CONFLICT ("Key", "WindowStart") DO UPDATE SET "Count" = "RateLimitWindows"."Count" + EXCLUDED."Count"
                RETURNING "Count"
                """,
                connection) { Parameters = { new() { Value = key }, new() { Value = start }, new() { Value = permits } } };
            var counted = (int)(await count.ExecuteScalarAsync(cancellationToken))!;
            return counted <= limit ? WindowLease.Granted : new WindowLease(false, start + Window - now);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The request itself needs the database and fails on its own; refusing it here would only hide why.
            logger.LogWarning(e, "A request could not be counted against its rate limit; it was let through");
            return WindowLease.Granted;
        }
    }

    /// <summary>About once a minute per instance: windows that have ended are forgotten.</summary>
    private async Task SweepAsync(NpgsqlConnection connection, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (windowStart.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweep, (windowStart + Window).UtcTicks, due) != due)
        {
            return;
        }

        await using var sweep = new NpgsqlCommand("""DELETE FROM "RateLimitWindows" WHERE "WindowStart" < $1""", connection) { Parameters = { new() { Value = windowStart } } };
        await sweep.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One address's limiter under one policy, counting in the database.</summary>
    private sealed class DatabaseWindowLimiter(SharedRateLimits limits, string key, int limit) : RateLimiter
    {
        private long _lastUsed = limits._time.GetTimestamp();

        /// <summary>Lets the rate limiter forget a quiet address's limiter: its count is in the database.</summary>
        public override TimeSpan? IdleDuration => limits._time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

        public override RateLimiterStatistics? GetStatistics() => null;

        /// <summary>Never at once: the middleware then asks <see cref="AcquireAsyncCore"/>, which counts.</summary>
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => WindowLease.Undecided;

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref _lastUsed, limits._time.GetTimestamp());
            return new(limits.CountAsync(key, permitCount, limit, cancellationToken));
        }
    }

    private sealed class WindowLease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Granted = new(true, null);

        public static readonly WindowLease Undecided = new(false, null);

        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}

/// <summary>How many requests one address made under one policy in one minute, on PostgreSQL (<see cref="SharedRateLimits"/>).</summary>
public sealed class RateLimitWindow
{
    private RateLimitWindow()
    {
    }

    public string Key { get; private set; } = string.Empty;

    public DateTimeOffset WindowStart { get; private set; }

    public int Count { get; private set; }
}

internal sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> builder)
    {
        builder.ToTable("RateLimitWindows");
        builder.HasKey(w => new { w.Key, w.WindowStart });
        builder.Property(w => w.Key).HasMaxLength(128);
        builder.HasIndex(w => w.WindowStart);
    }
}
