using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Bot.Channels.WeChat;

/// <summary>
/// The access_token of one Official Account, kept in the database so that every instance of the service uses the
/// same one and WeChat's daily limit on fetching it is spent once per token, not once per instance or restart. The
/// lease says who is fetching the next one: one holder at a time, across instances (<see cref="WeChatTokens"/>).
/// </summary>
public sealed class WeChatAccessToken
{
    /// <summary>WeChat asks for room for 512 characters; its tokens are shorter today and may grow.</summary>
    public const int MaxTokenLength = 512;

    private WeChatAccessToken()
    {
    }

    public string AppId { get; private set; } = string.Empty;

    /// <summary>Null until the first token is fetched.</summary>
    public string? Token { get; private set; }

    /// <summary>UTC; from then on the next caller to get the lease fetches a new token, while this one still works.</summary>
    public DateTime RefreshAt { get; private set; }

    /// <summary>UTC, as WeChat's <c>expires_in</c> counted from when the answer arrived.</summary>
    public DateTime ExpiresAt { get; private set; }

    /// <summary>Who holds the lease: one fetch's own id, so only that fetch can store or release it.</summary>
    public string? LeaseHolder { get; private set; }

    /// <summary>UTC; a lease past it is free to take, so a holder that died stops nobody for longer than that.</summary>
    public DateTime? LeaseUntil { get; private set; }
}

internal sealed class WeChatAccessTokenConfiguration : IEntityTypeConfiguration<WeChatAccessToken>
{
    public void Configure(EntityTypeBuilder<WeChatAccessToken> builder)
    {
        builder.ToTable("WeChatAccessTokens");
        builder.HasKey(t => t.AppId);
        builder.Property(t => t.AppId).HasMaxLength(64);
        builder.Property(t => t.Token).HasMaxLength(WeChatAccessToken.MaxTokenLength);
        builder.Property(t => t.LeaseHolder).HasMaxLength(32);
    }
}
