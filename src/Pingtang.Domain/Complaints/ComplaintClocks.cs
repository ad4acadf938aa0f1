using Pingtang.Domain.Calendar;
using Pingtang.Domain.Stations;

namespace Pingtang.Domain.Complaints;

/// <summary>
/// A case's clocks at one moment: the station's first answer, counted in its business hours; the legal clocks of
/// 《劳动保障监察条例》 and its rules — a decision on accepting within 5 working days of filing, the case concluded
/// within 60 working days of acceptance (90 when extended) — each due at the end of its last day in China; and the
/// station's own target for resolving, due at its closing time on the last day. Periods in days start the day after.
/// </summary>
public sealed record CaseClocks(CaseClock FirstResponse, CaseClock AcceptanceDecision, CaseClock? Conclusion, CaseClock Resolution, WorkerPromise Promise)
{
    public const int DecisionWorkingDays = 5;
    public const int ConclusionWorkingDays = 60;
    public const int ExtensionWorkingDays = 30;

    /// <summary>The years any clock reached without an entered holiday schedule.</summary>
    public IReadOnlyList<int> YearsMissing =>
        [.. new[] { FirstResponse, AcceptanceDecision, Conclusion, Resolution }.SelectMany(c => c?.YearsMissing ?? []).Distinct().Order()];

    public string? Warning => new CalendarAnswer<bool>(true, YearsMissing).Warning;

    /// <summary>The clocks of the case <paramref name="facts"/> describe, at <paramref name="now"/>.</summary>
    public static CaseClocks For(ClockFacts facts, ServiceTerms terms, WorkingDays days, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(days);
        var filedOn = ChinaTime.DateOf(facts.FiledAt);

        var responseYears = new SortedSet<int>();
        var minutes = facts.Urgent ? terms.UrgentFirstResponseMinutes : terms.FirstResponseMinutes;
        var responseDue = terms.AddBusinessTime(facts.FiledAt, minutes, days, responseYears);
        var opensAt = terms.NextOpening(facts.FiledAt, days, responseYears);
        var firstResponse = new CaseClock(ChinaTime.DateOf(responseDue), responseDue, facts.FirstResponseAt, now, [.. responseYears]);

        var decision = EndOfDay(days.Add(filedOn, DecisionWorkingDays), facts.DecidedAt, now);
        var conclusion = facts.AcceptedAt is { } accepted
            ? EndOfDay(days.Add(ChinaTime.DateOf(accepted), ConclusionWorkingDays + (facts.Extended ? ExtensionWorkingDays : 0)), facts.ConcludedAt, now)
            : null;
        var resolveBy = days.Add(filedOn, terms.ResolutionWorkingDays);
        var resolution = new CaseClock(resolveBy.Value, At(resolveBy.Value, terms.AfternoonCloses), facts.ConcludedAt, now, resolveBy.YearsMissing);

        var promise = new WorkerPromise(responseDue, decision.DueOn, opensAt, firstResponse.Confirmed && decision.Confirmed);
        return new CaseClocks(firstResponse, decision, conclusion, resolution, promise);
    }

    // A legal period runs to the end of its last day: due at the midnight that ends it.
    private static CaseClock EndOfDay(CalendarAnswer<DateOnly> lastDay, DateTimeOffset? stoppedAt, DateTimeOffset now) =>
        new(lastDay.Value, At(lastDay.Value.AddDays(1), TimeOnly.MinValue), stoppedAt, now, lastDay.YearsMissing);

    private static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, ChinaTime.Zone.GetUtcOffset(local));
    }
}
