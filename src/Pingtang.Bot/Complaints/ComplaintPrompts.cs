using Pingtang.Bot.Dialogs;
using Pingtang.Domain.Complaints;

namespace Pingtang.Bot.Complaints;

/// <summary>The questions of 劳动维权 that check their answers their own way, by id.</summary>
public static class ComplaintPrompts
{
    public const string Employer = "complaints.employer";
    public const string CreditCode = "complaints.credit-code";
    public const string Place = "complaints.place";
    public const string Site = "complaints.site";
    public const string Period = "complaints.period";
    public const string Amount = "complaints.amount";
    public const string WorkersOwed = "complaints.workers-owed";
    public const string InjuryDate = "complaints.injury-date";
    public const string Narrative = "complaints.narrative";
    public const string Evidence = "complaints.evidence";

    // What the case's columns hold; the domain refuses more.
    private const int FieldMaxLength = 128;
    private const decimal MostOwed = 10_000_000m;
    private const int MostWorkersOwed = 10_000;

    /// <summary>Whether the answer leaves an optional question empty (跳过, 没有, 不知道…).</summary>
    public static bool Skips(string text) => ComplaintTexts.SkipWords.Contains(text);

    public static IEnumerable<Func<IServiceProvider, Dialog>> All { get; } =
    [
        _ => new TextPrompt(Employer, FieldMaxLength),
        _ => new TextPrompt(CreditCode, FieldMaxLength, (text, _) =>
            Skips(text) || Pingtang.Domain.Complaints.Employer.CreditCode(text) is not null ? null : ComplaintTexts.BadCreditCode),
        _ => new TextPrompt(Place, FieldMaxLength),
        _ => new TextPrompt(Site, FieldMaxLength),
        _ => new TextPrompt(Period, FieldMaxLength),
        _ => new NumberPrompt(Amount, (amount, _) => amount is >= 1 and <= MostOwed ? null : ComplaintTexts.BadAmount),
        _ => new NumberPrompt(WorkersOwed, (count, _) => count is >= 1 and <= MostWorkersOwed && count == decimal.Truncate(count) ? null : ComplaintTexts.BadWorkersOwed),
        sp => new InjuryDatePrompt(InjuryDate, sp.GetRequiredService<TimeProvider>()),
        _ => new TextPrompt(Narrative, Complaint.TextMaxLength),
        _ => new EvidencePrompt(Evidence),
    ];
}
