namespace Pingtang.Domain.Complaints;

/// <summary>What a rights complaint is about, as the labour-inspection forms sort them.</summary>
public enum ComplaintCategory
{
    WageArrears,
    WorkInjury,
    LabourContract,
    SocialInsurance,
    Other,
}

public static class ComplaintCategories
{
    /// <summary>The words workers and staff use: 欠薪 · 工伤 · 劳动合同 · 社保 · 其他.</summary>
    public static string Name(this ComplaintCategory category) => category switch
    {
        ComplaintCategory.WageArrears => "欠薪",
        ComplaintCategory.WorkInjury => "工伤",
        ComplaintCategory.LabourContract => "劳动合同",
        ComplaintCategory.SocialInsurance => "社保",
        ComplaintCategory.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };
}
