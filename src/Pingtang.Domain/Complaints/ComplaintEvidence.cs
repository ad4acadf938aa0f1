using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.Complaints;

/// <summary>A photo or file the worker sent as it arrived from their channel, before it becomes part of a case.</summary>
public sealed record EvidenceDraft(string Name, string ContentType, string ContentUrl);

/// <summary>
/// A photo or file a case rests on — contract, work badge, payslip, 欠条, attendance sheet, bank statement — as the
/// channel delivered it: the file itself stays where <see cref="ContentUrl"/> points.
/// </summary>
public sealed class ComplaintEvidence
{
    public const int NameMaxLength = 256;
    public const int ContentTypeMaxLength = 128;
    public const int ContentUrlMaxLength = 2048;

    private ComplaintEvidence()
    {
    }

    public int Id { get; private set; }

    public int ComplaintId { get; private set; }

    public string Name { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public string ContentUrl { get; private set; } = "";

    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>The first rule <paramref name="draft"/> breaks, in words staff can read; null when it breaks none.</summary>
    public static string? Validate(EvidenceDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Trim().Length > NameMaxLength)
        {
            return $"证据文件名应为1到{NameMaxLength}个字";
        }

        if (draft.ContentType.Trim().Length > ContentTypeMaxLength)
        {
            return "证据文件类型太长";
        }

        // Only an address staff can open later: an inline data: URL or a relative path would lose the file.
        return Uri.TryCreate(draft.ContentUrl.Trim(), UriKind.Absolute, out var url)
            && url.Scheme is "http" or "https"
            && draft.ContentUrl.Trim().Length <= ContentUrlMaxLength
                ? null
                : $"证据文件地址应为不超过{ContentUrlMaxLength}个字符的网址";
    }

    internal static ComplaintEvidence From(EvidenceDraft draft, DateTimeOffset now) => new()
    {
        Name = draft.Name.Trim(),
        ContentType = draft.ContentType.Trim(),
        ContentUrl = draft.ContentUrl.Trim(),
        AddedAt = now,
    };
}

internal sealed class ComplaintEvidenceConfiguration : IEntityTypeConfiguration<ComplaintEvidence>
{
    public void Configure(EntityTypeBuilder<ComplaintEvidence> builder)
    {
        builder.ToTable("ComplaintEvidence");
        builder.Property(e => e.Name).HasMaxLength(ComplaintEvidence.NameMaxLength);
        builder.Property(e => e.ContentType).HasMaxLength(ComplaintEvidence.ContentTypeMaxLength);
        builder.Property(e => e.ContentUrl).HasMaxLength(ComplaintEvidence.ContentUrlMaxLength);
    }
}
