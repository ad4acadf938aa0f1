using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Channels.WeChat;

/// <summary>
/// What WeChat allows us towards one follower (OpenID): customer-service messages for 48 hours after their last
/// message, at most <see cref="WeChatUsers.MessagesPerWindow"/> of them per message they sent, and nothing once they
/// unfollowed. Times are UTC <see cref="DateTime"/>s, which SQLite compares.
/// </summary>
public sealed class WeChatUser
{
    public required string OpenId { get; init; }

    public DateTime LastMessageAt { get; set; }

    /// <summary>Customer-service messages sent since <see cref="LastMessageAt"/>.</summary>
    public int MessagesSinceLast { get; set; }

    public bool Following { get; set; }
}

internal sealed class WeChatUserConfiguration : IEntityTypeConfiguration<WeChatUser>
{
    public void Configure(EntityTypeBuilder<WeChatUser> builder)
    {
        builder.ToTable("WeChatUsers");
        builder.HasKey(u => u.OpenId);
        builder.Property(u => u.OpenId).HasMaxLength(64);
    }
}

/// <summary>The followers' windows, each question one statement, so instances sending at once never overspend.</summary>
public sealed class WeChatUsers(IDbContextFactory<BotDb> dbFactory, TimeProvider time)
{
    /// <summary>WeChat's window for customer-service messages after a user's message.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);

    /// <summary>WeChat's quota of customer-service messages per message the user sent (45047 beyond it).</summary>
    public const int MessagesPerWindow = 5;

    /// <summary>The follower wrote (or followed, or tapped the menu): the window opens afresh with a full quota.</summary>
    public async Task WroteAsync(string openId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Set<WeChatUser>().Where(u => u.OpenId == openId).ExecuteUpdateAsync(
            s => s.SetProperty(u => u.LastMessageAt, now).SetProperty(u => u.MessagesSinceLast, 0).SetProperty(u => u.Following, true),
            cancellationToken);
        if (updated == 0)
        {
            db.Add(new WeChatUser { OpenId = openId, LastMessageAt = now, Following = true });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Their other message, a moment ago, made the row: the window it opened is the same one.
            }
        }
    }

    /// <summary>They unfollowed: nothing more can reach them until they follow again.</summary>
    public async Task UnfollowedAsync(string openId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<WeChatUser>().Where(u => u.OpenId == openId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Following, false), cancellationToken);
    }

    /// <summary>
    /// Takes <paramref name="count"/> customer-service messages of the follower's window: true when the window is open
    /// and its quota holds them all, counted in the same statement.
    /// </summary>
    public async Task<bool> TakeMessagesAsync(string openId, int count, CancellationToken cancellationToken)
    {
        var opened = (time.GetUtcNow() - Window).UtcDateTime;
        var left = MessagesPerWindow - count;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<WeChatUser>()
            .Where(u => u.OpenId == openId && u.Following && u.LastMessageAt > opened && u.MessagesSinceLast <= left)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.MessagesSinceLast, u => u.MessagesSinceLast + count), cancellationToken) == 1;
    }

    /// <summary>WeChat said the window is closed or spent (45015, 45047): our count now agrees.</summary>
    public async Task SpentAsync(string openId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<WeChatUser>().Where(u => u.OpenId == openId).ExecuteUpdateAsync(s => s.SetProperty(u => u.MessagesSinceLast, MessagesPerWindow), cancellationToken);
    }

    public async Task<bool> FollowingAsync(string openId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<WeChatUser>().AnyAsync(u => u.OpenId == openId && u.Following, cancellationToken);
    }
}
