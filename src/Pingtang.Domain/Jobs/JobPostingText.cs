using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.Jobs;

/// <summary>
/// A row of the full-text index of postings (the FTS5 table <c>JobPostingTerms</c>, made by the Jobs migration and
/// kept by triggers), so that queries, compiled ones too, can search it: FTS5 reads <c>JobPostingTerms = 'terms'</c>
/// as <c>JobPostingTerms MATCH 'terms'</c>. Read-only.
/// </summary>
public sealed class JobPostingText
{
    /// <summary>The posting's id (the index's rowid).</summary>
    public int PostingId { get; private set; }

    /// <summary>The table-named column FTS5 matches against: compare it with <see cref="JobSearchTerms.Match"/>'s expression.</summary>
    public string Match { get; private set; } = "";
}

internal sealed class JobPostingTextConfiguration : IEntityTypeConfiguration<JobPostingText>
{
    public void Configure(EntityTypeBuilder<JobPostingText> builder)
    {
        // A view to EF Core, so migrations leave the virtual table, which the Jobs migration creates, alone.
        builder.ToView("JobPostingTerms").HasNoKey();
        builder.Property(t => t.PostingId).HasColumnName("rowid");
        builder.Property(t => t.Match).HasColumnName("JobPostingTerms");
    }
}
