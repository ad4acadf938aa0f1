using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.Handoffs;

/// <summary>
/// A station's ready-made reply for the live chat (快捷回复): a short title to pick it by and the text the worker is
/// sent. Each station keeps its own; an admin may keep any station's.
/// </summary>
public sealed class CannedReply
{
    public const int TitleMaxLength = 20;

    /// <summary>Sent as a chat line, so no longer than one.</summary>
    public const int TextMaxLength = ChatMessage.TextMaxLength;

    public const int CreatedByMaxLength = 64;

    private CannedReply()
    {
    }

    public int Id { get; private set; }

    public int StationId { get; private set; }

    public string Title { get; private set; } = "";

    public string Text { get; private set; } = "";

    /// <summary>The name of the staff member who wrote it.</summary>
    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public static CannedReply Write(int stationId, string? title, string? text, string createdBy, DateTimeOffset now)
    {
        var reply = new CannedReply { StationId = stationId, CreatedBy = createdBy.Length > CreatedByMaxLength ? createdBy[..CreatedByMaxLength] : createdBy };
        reply.Edit(title, text, now);
        return reply;
    }

    public void Edit(string? title, string? text, DateTimeOffset now)
    {
        var cleanTitle = TypedText.Clean(title)?.Trim();
        var cleanText = TypedText.Clean(text)?.Trim();
        if (string.IsNullOrEmpty(cleanTitle) || string.IsNullOrEmpty(cleanText))
        {
            throw new DomainException(CannedReplyWords.Empty);
        }

        if (cleanTitle.Length > TitleMaxLength)
        {
            throw new DomainException(CannedReplyWords.TitleTooLong);
        }

        if (cleanText.Length > TextMaxLength)
        {
            throw new DomainException(CannedReplyWords.TextTooLong);
        }

        Title = cleanTitle;
        Text = cleanText;
        UpdatedAt = now;
    }
}

/// <summary>Why a reply was refused, as the staff form says it.</summary>
public static class CannedReplyWords
{
    public const string Empty = "标题和内容都要填写。";

    public static readonly string TitleTooLong = $"标题最多 {CannedReply.TitleMaxLength} 个字。";

    public static readonly string TextTooLong = $"内容最多 {CannedReply.TextMaxLength} 个字。";
}

internal sealed class CannedReplyConfiguration : IEntityTypeConfiguration<CannedReply>
{
    public void Configure(EntityTypeBuilder<CannedReply> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(CannedReply.TitleMaxLength);
        builder.Property(r => r.Text).HasMaxLength(CannedReply.TextMaxLength);
        builder.Property(r => r.CreatedBy).HasMaxLength(CannedReply.CreatedByMaxLength);
        builder.HasIndex(r => r.StationId);
        builder.HasOne<Stations.Station>().WithMany().HasForeignKey(r => r.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}
