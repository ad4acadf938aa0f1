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
