using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.Stations;

/// <summary>
/// A place whose staff serve workers: the county's employment service centre or a labour cooperation station.
/// Names are exact: the stations' spreadsheets refer to them by name.
/// </summary>
public sealed class Station
{
    public const string CountyCentre = "平塘县就业服务中心";
    public const string GuangzhouBaiyun = "广州市白云区劳务协作站";
    public const string DongguanDalang = "东莞市大朗镇劳务协作站";

    /// <summary>The county's employment service centre: the station of whatever is not a cooperation station's own.</summary>
    public const int CountyCentreId = 1;

    public int Id { get; private set; }

    public required string Name { get; init; }

    /// <summary>Where the station is, as a worker would say it.</summary>
    public required string Location { get; init; }
}

internal sealed class StationConfiguration : IEntityTypeConfiguration<Station>
{
    public void Configure(EntityTypeBuilder<Station> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.Property(s => s.Location).HasMaxLength(128);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasData(
            new { Id = Station.CountyCentreId, Name = Station.CountyCentre, Location = "贵州省黔南州平塘县 平塘县公共实训基地（含零工市场）" },
            new { Id = 2, Name = Station.GuangzhouBaiyun, Location = "广东省广州市白云区" },
            new { Id = 3, Name = Station.DongguanDalang, Location = "广东省东莞市大朗镇" });
    }
}
