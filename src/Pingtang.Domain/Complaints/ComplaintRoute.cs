using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Domain.Stations;

namespace Pingtang.Domain.Complaints;

/// <summary>
/// A line of the routing table staff edit: a complaint whose place of work names <see cref="Place"/> (a city, a
/// district, a town) goes to <see cref="StationId"/>. Anything no line names goes to the county's centre.
/// </summary>
public sealed class ComplaintRoute
{
    public const int PlaceMaxLength = 32;

    public int Id { get; private set; }

    /// <summary>As workers write it: 广州, 白云, 东莞, 大朗.</summary>
    public required string Place { get; set; }

    public required int StationId { get; set; }

    public Station? Station { get; private set; }
}

internal sealed class ComplaintRouteConfiguration : IEntityTypeConfiguration<ComplaintRoute>
{
    public void Configure(EntityTypeBuilder<ComplaintRoute> builder)
    {
        builder.Property(r => r.Place).HasMaxLength(ComplaintRoute.PlaceMaxLength);
        builder.HasIndex(r => r.Place).IsUnique();
        builder.HasOne(r => r.Station).WithMany().HasForeignKey(r => r.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasData(
            new { Id = 1, Place = "广州", StationId = 2 },
            new { Id = 2, Place = "白云", StationId = 2 },
            new { Id = 3, Place = "东莞", StationId = 3 },
            new { Id = 4, Place = "大朗", StationId = 3 });
    }
}
