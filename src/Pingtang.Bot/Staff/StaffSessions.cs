using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Staff;

/// <summary>
/// A signed-in staff browser: the cookie carries only <see cref="Id"/>, the sign-in itself is kept here, so signing
/// out (or deleting the row) ends the session for every copy of the cookie.
/// </summary>
public sealed class StaffSession
{
    private StaffSession()
    {
    }

    public string Id { get; private set; } = string.Empty;

    /// <summary>The authentication ticket, as ASP.NET Core's <see cref="TicketSerializer"/> writes it.</summary>
    public byte[] Ticket { get; private set; } = [];

    /// <summary>UTC; a session past it is no longer accepted and is deleted at the next sign-in.</summary>
    public DateTime ExpiresAt { get; private set; }

    internal static StaffSession Open(string id, AuthenticationTicket ticket, DateTimeOffset expiresAt) =>
        new() { Id = id, Ticket = TicketSerializer.Default.Serialize(ticket), ExpiresAt = expiresAt.UtcDateTime };

    internal void Renew(AuthenticationTicket ticket, DateTimeOffset expiresAt)
    {
        Ticket = TicketSerializer.Default.Serialize(ticket);
        ExpiresAt = expiresAt.UtcDateTime;
    }
}

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> builder)
    {
        builder.ToTable("StaffSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.HasIndex(s => s.ExpiresAt);
    }
}

/// <summary>The cookie handler's <see cref="ITicketStore"/>: staff sessions in the database, shared by every instance.</summary>
internal sealed class StaffSessionStore(IDbContextFactory<BotDb> databases, TimeProvider time) : ITicketStore
{
    /// <summary>When the cookie handler has not set one: its own default lifetime.</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var now = time.GetUtcNow();
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // Sign-ins are few, so each clears the sessions that have run out.
        await db.Set<StaffSession>().Where(s => s.ExpiresAt <= now.UtcDateTime).ExecuteDeleteAsync(cancellationToken);
        db.Add(StaffSession.Open(id, ticket, ExpiresAt(ticket, now)));
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.Set<StaffSession>().SingleOrDefaultAsync(s => s.Id == key, cancellationToken) is { } session)
        {
            session.Renew(ticket, ExpiresAt(ticket, time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var ticket = await db.Set<StaffSession>().AsNoTracking()
            .Where(s => s.Id == key && s.ExpiresAt > now)
            .Select(s => s.Ticket)
            .SingleOrDefaultAsync(cancellationToken);
        return ticket is null ? null : TicketSerializer.Default.Deserialize(ticket);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<StaffSession>().Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
    }

    private static DateTimeOffset ExpiresAt(AuthenticationTicket ticket, DateTimeOffset now) =>
        ticket.Properties.ExpiresUtc ?? now + DefaultLifetime;
}
