using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Jobs;

/// <summary>
/// A worker's 有新岗位通知我: a search kept so that new postings matching it reach them as a <see cref="JobAlert"/>.
/// Only postings added or updated after <see cref="SavedAt"/> count as new.
/// </summary>
public sealed class SavedSearch
{
    /// <summary>Enough for a few places and trades; more would make the daily alert a lottery.</summary>
    public const int MaxPerWorker = 5;

    public int Id { get; private set; }

    public required int WorkerId { get; init; }

    public Worker? Worker { get; private set; }

    public required JobQuery Query { get; init; }

    public required DateTimeOffset SavedAt { get; init; }
}

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    // Compact, readable (Chinese unescaped) and always written the same way for the same query, so that the
    // database's unique index can refuse a second copy of a search.
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        IgnoreReadOnlyProperties = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public void Configure(EntityTypeBuilder<SavedSearch> builder)
    {
        builder.Property(s => s.Query)
            .HasConversion(q => JsonSerializer.Serialize(q, Json), text => JsonSerializer.Deserialize<JobQuery>(text, Json) ?? JobQuery.Anything)
            .HasMaxLength(1000);
        builder.HasIndex(s => new { s.WorkerId, s.Query }).IsUnique();
        builder.HasOne(s => s.Worker).WithMany().HasForeignKey(s => s.WorkerId).OnDelete(DeleteBehavior.Cascade);
    }
}
