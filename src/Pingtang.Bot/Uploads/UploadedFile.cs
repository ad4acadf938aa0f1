using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Bot.Uploads;

/// <summary>
/// A file a worker sent (evidence for a complaint, a photo): what is known of it. Its bytes live in the data folder at
/// <see cref="StoragePath"/>, or on PostgreSQL in an <see cref="UploadedFileContent"/> of its own; never in this row, and
/// never under a name the worker chose.
/// </summary>
public sealed class UploadedFile
{
    private UploadedFile()
    {
    }

    /// <summary>128 random bits, URL-safe: the file's name on disk and in its link.</summary>
    public string Id { get; private set; } = string.Empty;

    /// <summary>The conversation (of the channel that received it) the file was sent in.</summary>
    public string ConversationId { get; private set; } = string.Empty;

    /// <summary>The type its first bytes showed (<see cref="FileSignatures"/>), not what the client declared.</summary>
    public string ContentType { get; private set; } = string.Empty;

    /// <summary>The name the worker's phone gave it, cleaned (<see cref="UploadNames"/>): for showing only.</summary>
    public string OriginalName { get; private set; } = string.Empty;

    public long Size { get; private set; }

    /// <summary>Lowercase hex SHA-256 of the content, so staff can show a file is the one that was sent.</summary>
    public string Sha256 { get; private set; } = string.Empty;

    /// <summary>Empty in <see cref="StoragePath"/>: the bytes are in the database.</summary>
    internal const string InDatabasePath = "";

    /// <summary>Relative to the data folder, with forward slashes: <c>uploads/yyyy/MM/ID</c>; empty when the bytes are in the database.</summary>
    public string StoragePath { get; private set; } = string.Empty;

    public bool IsInDatabase => StoragePath == InDatabasePath;

    public DateTimeOffset CreatedAt { get; private set; }

    internal static UploadedFile Stored(string id, string conversationId, string contentType, string originalName, long size, string sha256, string storagePath, DateTimeOffset now) =>
        new()
        {
            Id = id,
            ConversationId = conversationId,
            ContentType = contentType,
            OriginalName = originalName,
            Size = size,
            Sha256 = sha256,
            StoragePath = storagePath,
            CreatedAt = now,
        };
}

internal sealed class UploadedFileConfiguration : IEntityTypeConfiguration<UploadedFile>
{
    public void Configure(EntityTypeBuilder<UploadedFile> builder)
    {
        builder.ToTable("UploadedFiles");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasMaxLength(32);
        builder.Property(f => f.ConversationId).HasMaxLength(64);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.OriginalName).HasMaxLength(UploadNames.MaxLength);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.StoragePath).HasMaxLength(100);
        builder.HasIndex(f => f.ConversationId);
    }
}

/// <summary>The bytes of an <see cref="UploadedFile"/> kept in the database (PostgreSQL), apart from the row that describes it.</summary>
public sealed class UploadedFileContent
{
    private UploadedFileContent()
    {
    }

    internal UploadedFileContent(string fileId, byte[] content)
    {
        FileId = fileId;
        Content = content;
    }

    public string FileId { get; private set; } = string.Empty;

    public byte[] Content { get; private set; } = [];
}

internal sealed class UploadedFileContentConfiguration : IEntityTypeConfiguration<UploadedFileContent>
{
    public void Configure(EntityTypeBuilder<UploadedFileContent> builder)
    {
        builder.ToTable("UploadedFileContents");
        builder.HasKey(c => c.FileId);
        builder.Property(c => c.FileId).HasMaxLength(32);
        builder.HasOne<UploadedFile>().WithOne().HasForeignKey<UploadedFileContent>(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}
