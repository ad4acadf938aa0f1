using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.ReturnTrips;

/// <summary>Where and when a trip picks travellers up in one township (上车点), on the day it leaves.</summary>
public sealed class PickupPoint
{
    public const int PlaceMaxLength = 64;

    private PickupPoint()
    {
    }

    public int Id { get; private set; }

    public int TripId { get; private set; }

    /// <summary>One of <see cref="Townships.Township.Names"/>.</summary>
    public string Township { get; private set; } = "";

    /// <summary>The meeting place as locals say it, e.g. 克度镇政府门口.</summary>
    public string Place { get; private set; } = "";

    /// <summary>China time on the departure day.</summary>
    public TimeOnly Time { get; private set; }

    /// <summary>What workers read: 克度镇 · 克度镇政府门口 · 06:30.</summary>
    public string Describe() => $"{Township} {Place} {Time:HH\\:mm}";

    internal static PickupPoint From(PickupPointDetails details) => new() { Township = details.Township, Place = details.Place, Time = details.Time };

    internal bool IsAt(PickupPointDetails details) => details.Township == Township && details.Place == Place;

    internal void MoveTo(TimeOnly time) => Time = time;
}

/// <summary>A pickup point as staff give it, on the form or a sheet line.</summary>
public sealed record PickupPointDetails
{
    public required string Township { get; init => field = TypedText.Clean(value); }

    public required string Place { get; init => field = TypedText.Clean(value); }

    public required TimeOnly Time { get; init; }
}

internal sealed class PickupPointConfiguration : IEntityTypeConfiguration<PickupPoint>
{
    public void Configure(EntityTypeBuilder<PickupPoint> builder)
    {
        builder.Property(p => p.Township).HasMaxLength(32);
        builder.Property(p => p.Place).HasMaxLength(PickupPoint.PlaceMaxLength);
        builder.HasIndex(p => p.TripId);
    }
}
