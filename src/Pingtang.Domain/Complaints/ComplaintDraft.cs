using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Complaints;

/// <summary>What the complaint dialog gathered, before it becomes a case.</summary>
public sealed record ComplaintDraft
{
    public required ComplaintCategory Category { get; init; }

    public required string EmployerName { get; init; }

    public string? EmployerCreditCode { get; init; }

    /// <summary>City or district, as the worker says it: routes the case.</summary>
    public required string WorkPlace { get; init; }

    /// <summary>The site or project.</summary>
    public string? Site { get; init; }

    public string? PeriodWorked { get; init; }

    /// <summary>For 欠薪: yuan owed to the worker.</summary>
    public decimal? AmountOwed { get; init; }

    /// <summary>For 欠薪: how many workers are owed, this one included.</summary>
    public int? WorkersOwed { get; init; }

    /// <summary>For 工伤.</summary>
    public DateOnly? InjuredOn { get; init; }

    /// <summary>What happened and what they ask for, in their words.</summary>
    public required string Narrative { get; init; }

    public required string ContactPhone { get; init; }

    /// <summary>The worker's ID-card number, protected as soon as it was typed (<see cref="IdCardNumber.Protect"/>).</summary>
    public ProtectedIdNumber? IdNumber { get; init; }

    public ComplaintFiler FiledBy { get; init; } = ComplaintFiler.Worker;

    /// <summary>The name of whoever filed on the worker's behalf.</summary>
    public string? FilerName { get; init; }

    /// <summary>That the worker agreed to someone filing for them.</summary>
    public bool WorkerAgreed { get; init; }

    /// <summary>The photos and files sent with the complaint, in the order they came.</summary>
    public IReadOnlyList<EvidenceDraft> Evidence { get; init; } = [];
}
