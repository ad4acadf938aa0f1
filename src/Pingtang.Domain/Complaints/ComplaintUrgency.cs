namespace Pingtang.Domain.Complaints;

/// <summary>Why a case goes to the top of its station's queue and alerts its staff at once.</summary>
public enum UrgencyReason
{
    /// <summary>工伤: treatment and the recognition clock cannot wait.</summary>
    WorkInjury,

    /// <summary>集体欠薪 of <see cref="ComplaintUrgency.CollectiveArrearsWorkers"/> or more.</summary>
    CollectiveArrears,

    /// <summary>The worker's own words speak of violence, threats or danger.</summary>
    Danger,

    /// <summary>
    /// <see cref="ComplaintUrgency.SameEmployerWorkers"/> or more workers named the same employer within
    /// <see cref="ComplaintUrgency.SameEmployerWindow"/>: early warning of collective arrears.
    /// </summary>
    SameEmployer,
}

/// <summary>What is known of a complaint when it is filed, for <see cref="ComplaintUrgency.Reasons"/>.</summary>
/// <param name="WorkersOwed">How many workers are owed, for 欠薪; null when not asked or not known.</param>
/// <param name="Narrative">What happened and what they ask for, in their words.</param>
/// <param name="WorkersNamingEmployer">
/// How many distinct workers, this one included, named the same employer (<see cref="Employer.Key"/>) in
/// complaints filed within <see cref="ComplaintUrgency.SameEmployerWindow"/>.
/// </param>
public sealed record UrgencyFacts(ComplaintCategory Category, int? WorkersOwed, string? Narrative, int WorkersNamingEmployer);

public static class ComplaintUrgency
{
    public const int CollectiveArrearsWorkers = 10;

    public const int SameEmployerWorkers = 3;

    public static readonly TimeSpan SameEmployerWindow = TimeSpan.FromDays(30);

    // Words a worker in trouble uses; a false alarm costs a look, a missed one may cost much more.
    private static readonly string[] DangerWords =
    [
        "打人", "被打", "打我", "殴打", "动手", "威胁", "恐吓", "砍人", "拿刀", "持刀", "动刀", "跳楼", "自杀", "不想活", "活不下去",
        "关起来", "不让走", "不准走", "扣押", "限制人身自由", "黑社会", "讨薪被打", "危险", "出人命",
    ];

    /// <summary>Every reason the complaint is urgent; empty when it is not.</summary>
    public static IReadOnlyList<UrgencyReason> Reasons(UrgencyFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var reasons = new List<UrgencyReason>();
        if (facts.Category == ComplaintCategory.WorkInjury)
        {
            reasons.Add(UrgencyReason.WorkInjury);
        }

        if (facts.Category == ComplaintCategory.WageArrears && facts.WorkersOwed >= CollectiveArrearsWorkers)
        {
            reasons.Add(UrgencyReason.CollectiveArrears);
        }

        if (SpeaksOfDanger(facts.Narrative))
        {
            reasons.Add(UrgencyReason.Danger);
        }

        if (facts.WorkersNamingEmployer >= SameEmployerWorkers)
        {
            reasons.Add(UrgencyReason.SameEmployer);
        }

        return reasons;
    }

    public static bool SpeaksOfDanger(string? text) =>
        TypedText.Clean(text) is { Length: > 0 } clean && DangerWords.Any(word => clean.Contains(word, StringComparison.Ordinal));
}
