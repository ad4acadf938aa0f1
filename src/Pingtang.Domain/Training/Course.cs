using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.Training;

/// <summary>A vocational course (培训项目) the county offers; its sessions come with the training feature.</summary>
public sealed class Course
{
    /// <summary>The county's course catalogue.</summary>
    public static readonly IReadOnlyList<string> Catalogue =
    [
        "起重装卸机械操作工", "焊工", "缝纫技术工", "电工", "养老护理员", "育婴师", "家政服务员", "网络创业(直播电商)", "无人机驾驶员",
    ];

    public int Id { get; private set; }

    public required string Name { get; init; }
}

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(64);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.HasData(Course.Catalogue.Select((name, i) => new { Id = i + 1, Name = name }));
    }
}
