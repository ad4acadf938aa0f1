using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.Townships;

/// <summary>One of Pingtang county's eleven townships (乡镇/街道), a worker's 户籍 place.</summary>
public sealed class Township
{
    /// <summary>The county's townships in the order the county lists them.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "平湖街道", "金盆街道", "掌布镇", "通州镇", "大塘镇", "克度镇", "塘边镇", "者密镇", "牙舟镇", "甲茶镇", "卡蒲毛南族乡",
    ];

    public int Id { get; private set; }

    public required string Name { get; init; }

    public static bool IsKnown(string name) => Names.Contains(name);
}

internal sealed class TownshipConfiguration : IEntityTypeConfiguration<Township>
{
    public void Configure(EntityTypeBuilder<Township> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(32);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasData(Township.Names.Select((name, i) => new { Id = i + 1, Name = name }));
    }
}
