using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Complaints;

/// <summary>A rights complaint as a case file: the worker's account, its station, and its history.</summary>
public sealed class Complaint
{
    public const int TextMaxLength = 2000;

    private Complaint()
    {
    }

    public int Id { get; private set; }

    /// <summary>The number quoted to the worker and on the phone: WQ-2026-000123.</summary>
    public string Number { get; private set; } = "";

    public int Year { get; private set; }

    public int Sequence { get; private set; }

    public int WorkerId { get; private set; }

    public Worker? Worker { get; private set; }

    public int StationId { get; private set; }

    public Station? Station { get; private set; }

    public ComplaintCategory Category { get; private set; }

    public ComplaintStatus Status { get; private set; }

    public string EmployerName { get; private set; } = "";

    public string? EmployerCreditCode { get; private set; }

    /// <summary><see cref="Employer.Key"/>: what links complaints about one employer.</summary>
    public string? EmployerKey { get; private set; }

    public string WorkPlace { get; private set; } = "";

    public string? Site { get; private set; }

    public string? PeriodWorked { get; private set; }

    public decimal? AmountOwed { get; private set; }

    public int? WorkersOwed { get; private set; }

    public DateOnly? InjuredOn { get; private set; }

    public string Narrative { get; private set; } = "";

    public string ContactPhone { get; private set; } = "";

    /// <summary>The worker's ID-card number, encrypted with the host's keys; the number itself is in no column.</summary>
    public string? IdNumberCiphertext { get; private set; }

    /// <summary>The ID-card number as staff see it: 5227**********123X.</summary>
    public string? IdNumberMasked { get; private set; }

    public ComplaintFiler FiledBy { get; private set; }

    public string? FilerName { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    /// <summary>Why it is urgent, comma-separated <see cref="UrgencyReason"/> names; empty when it is not.</summary>
    public string UrgentBecause { get; private set; } = "";

    public bool IsUrgent => UrgentBecause.Length > 0;

    public IReadOnlyList<UrgencyReason> UrgencyReasons =>
        UrgentBecause.Length == 0 ? [] : [.. UrgentBecause.Split(',').Select(Enum.Parse<UrgencyReason>)];

    public List<ComplaintStatusChange> History { get; private set; } = [];

    /// <summary>When the investigation was extended by 30 working days (a complex case, approved by the bureau's head).</summary>
    public DateTimeOffset? InvestigationExtendedAt { get; private set; }

    /// <summary>The staff member who recorded the extension.</summary>
    public string? InvestigationExtendedBy { get; private set; }

    /// <summary>Keeps the worker's ID-card number, given later (an oral statement staff record), or corrected.</summary>
    public void RecordIdNumber(ProtectedIdNumber idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        (IdNumberCiphertext, IdNumberMasked) = (idNumber.Ciphertext, idNumber.Masked);
    }

    /// <summary>The number itself, for the staff member whose view is audited; null when none was given.</summary>
    public string? RevealIdNumber(IIdNumberProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return IdNumberCiphertext is null ? null : protector.Unprotect(IdNumberCiphertext);
    }

    /// <summary>Records the one extension the rules allow to an accepted case not yet concluded.</summary>
    public void ExtendInvestigation(string by, DateTimeOffset now)
    {
        if (!History.Any(s => s.Status is ComplaintStatus.Accepted or ComplaintStatus.InProgress))
        {
            throw new DomainException("案件受理后才能延长办理期限");
        }

        if (Status is ComplaintStatus.Resolved or ComplaintStatus.ReferredToInspection or ComplaintStatus.Closed)
        {
            throw new DomainException("案件已办结，不能再延长期限");
        }

        if (InvestigationExtendedAt is not null)
        {
            throw new DomainException("办理期限只能延长一次（30个工作日）");
        }

        (InvestigationExtendedAt, InvestigationExtendedBy) = (now, by.Trim());
    }

    public List<ComplaintEvidence> Evidence { get; private set; } = [];

    public static string NumberFor(int year, int sequence) => $"WQ-{year}-{sequence:D6}";

    internal static Complaint Create(int workerId, int stationId, ComplaintDraft draft, IReadOnlyList<UrgencyReason> urgency, int year, int sequence, DateTimeOffset now)
    {
        var complaint = new Complaint
        {
            Number = NumberFor(year, sequence),
            Year = year,
            Sequence = sequence,
            WorkerId = workerId,
            StationId = stationId,
            Category = draft.Category,
            Status = ComplaintStatus.Submitted,
            EmployerName = draft.EmployerName.Trim(),
            EmployerCreditCode = Employer.CreditCode(draft.EmployerCreditCode),
            EmployerKey = Employer.Key(draft.EmployerName, draft.EmployerCreditCode),
            WorkPlace = draft.WorkPlace.Trim(),
            Site = draft.Site?.Trim(),
            PeriodWorked = draft.PeriodWorked?.Trim(),
            AmountOwed = draft.AmountOwed,
            WorkersOwed = draft.WorkersOwed,
            InjuredOn = draft.InjuredOn,
            Narrative = draft.Narrative.Trim(),
            ContactPhone = draft.ContactPhone.Trim(),
            IdNumberCiphertext = draft.IdNumber?.Ciphertext,
            IdNumberMasked = draft.IdNumber?.Masked,
            FiledBy = draft.FiledBy,
            FilerName = draft.FilerName?.Trim(),
            FiledAt = now,
            UrgentBecause = string.Join(',', urgency),
        };
        complaint.History.Add(new ComplaintStatusChange { Status = ComplaintStatus.Submitted, At = now, By = draft.FiledBy.Name() });
        foreach (var evidence in draft.Evidence)
        {
            complaint.AddEvidence(evidence, now);
        }

        return complaint;
    }

    /// <summary>Keeps a photo or file with the case; a broken rule (<see cref="ComplaintEvidence.Validate"/>) is a <see cref="DomainException"/>.</summary>
    public ComplaintEvidence AddEvidence(EvidenceDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (ComplaintEvidence.Validate(draft) is { } broken)
        {
            throw new DomainException(broken);
        }

        var evidence = ComplaintEvidence.From(draft, now);
        Evidence.Add(evidence);
        return evidence;
    }

    /// <summary>
    /// Moves the case to <paramref name="status"/>, recorded with who did it, when and why (the note is shown to the
    /// worker). A move the case's course does not allow (<see cref="ComplaintStatusRules"/>) is a <see cref="DomainException"/>.
    /// </summary>
    public ComplaintStatusChange ChangeStatus(ComplaintStatus status, string by, string? note, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(by) || by.Trim().Length > ComplaintStatusChange.ByMaxLength)
        {
            throw new DomainException($"请写明是谁改的状态（1到{ComplaintStatusChange.ByMaxLength}个字）");
        }

        if (note?.Trim().Length > TextMaxLength)
        {
            throw new DomainException($"说明不能超过{TextMaxLength}个字");
        }

        if (!ComplaintStatusRules.CanMove(Status, status))
        {
            throw new DomainException($"案件「{Status.Name()}」，不能改为「{status.Name()}」");
        }

        var change = new ComplaintStatusChange { Status = status, At = now, By = by.Trim(), Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() };
        Status = status;
        History.Add(change);
        return change;
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.Property(c => c.Number).HasMaxLength(16);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => new { c.Year, c.Sequence }).IsUnique();
        builder.HasIndex(c => new { c.EmployerKey, c.FiledAt });
        builder.HasIndex(c => new { c.StationId, c.Status });
        builder.HasIndex(c => c.WorkerId);
        builder.Property(c => c.EmployerName).HasMaxLength(128);
        builder.Property(c => c.EmployerCreditCode).HasMaxLength(18);
        builder.Property(c => c.EmployerKey).HasMaxLength(140);
        builder.Property(c => c.WorkPlace).HasMaxLength(128);
        builder.Property(c => c.Site).HasMaxLength(128);
        builder.Property(c => c.PeriodWorked).HasMaxLength(128);
        builder.Property(c => c.Narrative).HasMaxLength(Complaint.TextMaxLength);
        builder.Property(c => c.ContactPhone).HasMaxLength(11);
        builder.Property(c => c.FilerName).HasMaxLength(64);
        builder.Property(c => c.IdNumberCiphertext).HasMaxLength(ProtectedIdNumber.CiphertextMaxLength);
        builder.Property(c => c.IdNumberMasked).HasMaxLength(IdCardNumber.Length);
        builder.Property(c => c.InvestigationExtendedBy).HasMaxLength(64);
        builder.Property(c => c.UrgentBecause).HasMaxLength(128);
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.FiledBy).HasConversion<string>().HasMaxLength(24);
        builder.Ignore(c => c.IsUrgent);
        builder.Ignore(c => c.UrgencyReasons);
        builder.HasOne(c => c.Worker).WithMany().HasForeignKey(c => c.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Station).WithMany().HasForeignKey(c => c.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.History).WithOne().HasForeignKey(s => s.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Evidence).WithOne().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}
