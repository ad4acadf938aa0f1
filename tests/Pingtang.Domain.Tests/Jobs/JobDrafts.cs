using Pingtang.Domain.Jobs;
using Pingtang.Domain.Stations;

namespace Pingtang.Domain.Tests.Jobs;

/// <summary>
/// The posting job tests start from, varied with <c>with</c>. The bot's tests compile this file too (a link in their
/// project), so both sides test against the same row.
/// </summary>
public static class JobDrafts
{
    /// <summary>A Dongguan factory job as a station's sheet gives it: places written short, 操作工 for the 普工 group.</summary>
    public static readonly JobPostingDraft Factory = new()
    {
        ExternalId = "GD-1",
        Title = "电子厂普工",
        Trade = "操作工",
        Employer = "东莞某电子有限公司",
        Province = "广东",
        City = "东莞",
        District = "大朗镇",
        MonthlyPayMin = 5000,
        MonthlyPayMax = 6500,
        MealsProvided = true,
        HousingProvided = true,
        AgeMin = 18,
        AgeMax = 45,
        Station = Station.DongguanDalang,
        ClosesOn = new DateOnly(2027, 3, 31),
        Description = "长白班，坐着上班",
    };
}
