using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Staff;

/// <summary>
/// Limits password guessing: <see cref="PerAddress"/> sign-ins within <see cref="Window"/> from one client address,
/// <see cref="PerAccount"/> for the account from anywhere; past either, that address or the account is locked until
/// the window ends. An attempt is counted in one atomic statement before its password is checked, so guesses sent in
/// parallel cannot all get through; a success clears the counts. Kept in the database, so every instance shares them.
/// </summary>
public sealed class SignInLockout(IDbContextFactory<BotDb> databases, TimeProvider time)
{
    public const int PerAddress = 5;

    public const int PerAccount = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Counts an attempt; returns when to try again if it is over a limit, or null when it may go on.</summary>
    public async Task<DateTimeOffset?> CountAsync(IPAddress? address, string account, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<SignInAttempts>().Where(a => a.WindowStartedAt <= (now - Window).UtcDateTime).ExecuteDeleteAsync(cancellationToken);
        DateTimeOffset? lockedUntil = null;
        var keys = Keys(address, account);
        var counts = await CountAsync(db, keys, now, cancellationToken);
        foreach (var (key, limit) in keys.Zip([PerAddress, PerAccount]))
        {
            var counted = counts[key];
            if (counted.Attempts > limit)
            {
                var until = new DateTimeOffset(DateTime.SpecifyKind(counted.WindowStartedAt, DateTimeKind.Utc)) + Window;
                lockedUntil = lockedUntil > until ? lockedUntil : until;
            }
        }

        return lockedUntil;
    }

    public async Task ClearAsync(IPAddress? address, string account, CancellationToken cancellationToken)
    {
        var keys = Keys(address, account);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<SignInAttempts>().Where(a => keys.Contains(a.Key)).ExecuteDeleteAsync(cancellationToken);
    }

    private static string[] Keys(IPAddress? address, string account) =>
        [$"address:{Network(address)}", $"account:{account}"];

    /// <summary>An IPv6 client gets a whole /64 to itself, so it counts as one address however it rotates in it.</summary>
    private static string Network(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    /// <summary>Adds one to the key's count, starting a new window when the last one is over.</summary>
    /// <summary>
    /// Counts one attempt on both keys in one statement. Two statements would let attempts made at the same moment
    /// interleave between them: one could find its address within the limit and the account, counted by the others
    /// meanwhile, over it — and be refused though it was among the first five.
    /// </summary>
    private static async Task<Dictionary<string, Counted>> CountAsync(BotDb db, string[] keys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var started = now.UtcDateTime;
        var stale = (now - Window).UtcDateTime;
        var rows = await db.Database.SqlQuery<Counted>($"""
            INSERT INTO "StaffSignInAttempts" ("Key", "Attempts", "WindowStartedAt") VALUES ({keys[0]}, 1, {started}), ({keys[1]}, 1, {started})
            ON CONFLICT ("Key") DO UPDATE SET
              "Attempts" = CASE WHEN "StaffSignInAttempts"."WindowStartedAt" <= {stale} THEN 1 ELSE "StaffSignInAttempts"."Attempts" + 1 END,
              "WindowStartedAt" = CASE WHEN "StaffSignInAttempts"."WindowStartedAt" <= {stale} THEN {started} ELSE "StaffSignInAttempts"."WindowStartedAt" END
            RETURNING "Key", "Attempts", "WindowStartedAt"
            """).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
    }

    private sealed record Counted(string Key, int Attempts, DateTime WindowStartedAt);
}

/// <summary>Sign-ins counted for one client address or one account in the current window.</summary>
internal sealed class SignInAttempts
{
    private SignInAttempts()
    {
    }

    /// <summary><c>address:…</c> or <c>account:…</c>.</summary>
    public string Key { get; private set; } = string.Empty;

    public int Attempts { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime WindowStartedAt { get; private set; }
}

internal sealed class SignInAttemptsConfiguration : IEntityTypeConfiguration<SignInAttempts>
{
    public void Configure(EntityTypeBuilder<SignInAttempts> builder)
    {
        builder.ToTable("StaffSignInAttempts");
        builder.HasKey(a => a.Key);
        builder.Property(a => a.Key).HasMaxLength(128);
        builder.HasIndex(a => a.WindowStartedAt);
    }
}
