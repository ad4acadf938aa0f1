using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.Complaints;

/// <summary>One step of a case's history: its status from then on, who moved it and when.</summary>
public sealed class ComplaintStatusChange
{
    public const int ByMaxLength = 64;

    public int Id { get; private set; }

    public int ComplaintId { get; private set; }

    public required ComplaintStatus Status { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>A staff member's name, or who filed (本人, 亲属…) for the first step.</summary>
    public required string By { get; init; }

    public string? Note { get; init; }
}

internal sealed class ComplaintStatusChangeConfiguration : IEntityTypeConfiguration<ComplaintStatusChange>
{
    public void Configure(EntityTypeBuilder<ComplaintStatusChange> builder)
    {
        builder.ToTable("ComplaintStatusChanges");
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(s => s.By).HasMaxLength(ComplaintStatusChange.ByMaxLength);
        builder.Property(s => s.Note).HasMaxLength(Complaint.TextMaxLength);
    }
}
