namespace Pingtang.Domain.Complaints;

/// <summary>What a case's clocks run from and stop at, taken from its history by <see cref="Of"/>.</summary>
public sealed record ClockFacts(DateTimeOffset FiledAt, bool Urgent)
{
    /// <summary>The station's first answer: its first step on the case, or an earlier message from its staff.</summary>
    public DateTimeOffset? FirstResponseAt { get; init; }

    /// <summary>When the case was accepted, or turned away or passed on without being accepted.</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>The investigation was extended by 30 working days, as the rules allow for a complex case.</summary>
    public bool Extended { get; init; }

    /// <summary>Resolved, passed to labour inspection or closed: the station's handling is over.</summary>
    public DateTimeOffset? ConcludedAt { get; init; }

    public static ClockFacts Of(Complaint complaint, DateTimeOffset? firstStaffMessageAt = null)
    {
        ArgumentNullException.ThrowIfNull(complaint);

        // The first step is the filing itself; every later one is the station acting on the case.
        var steps = complaint.History.OrderBy(s => s.At).Skip(1).ToList();
        var firstStep = steps.FirstOrDefault()?.At;
        return new ClockFacts(complaint.FiledAt, complaint.IsUrgent)
        {
            FirstResponseAt = firstStep is { } step && (firstStaffMessageAt is null || step < firstStaffMessageAt) ? step : firstStaffMessageAt,
            DecidedAt = firstStep,
            AcceptedAt = steps.FirstOrDefault(s => s.Status is ComplaintStatus.Accepted or ComplaintStatus.InProgress)?.At,
            Extended = complaint.InvestigationExtendedAt is not null,
            ConcludedAt = steps.FirstOrDefault(s => s.Status is ComplaintStatus.Resolved or ComplaintStatus.ReferredToInspection or ComplaintStatus.Closed)?.At,
        };
    }
}
