using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Complaints;

/// <summary>Turns what a worker told us into a numbered case at the right station, urgent when the rules say so.</summary>
public sealed class ComplaintFiling(PingtangDb db, TimeProvider time)
{
    private const int NumberAttempts = 5;

    /// <summary>Files <paramref name="draft"/> for <paramref name="workerId"/>; a broken rule is a <see cref="DomainException"/>.</summary>
    public async Task<Complaint> FileAsync(int workerId, ComplaintDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Validate(draft, ChinaTime.Today(time)) is { } broken)
        {
            throw new DomainException(broken);
        }

        var now = time.GetUtcNow();
        var station = await new ComplaintRouting(db).StationForAsync(draft.WorkPlace, cancellationToken);
        var employer = Employer.Key(draft.EmployerName, draft.EmployerCreditCode);
        var others = employer is null ? 0 : await OtherWorkersNamingAsync(employer, workerId, now, cancellationToken);
        var urgency = ComplaintUrgency.Reasons(new UrgencyFacts(draft.Category, draft.WorkersOwed, draft.Narrative, others + 1));
        var year = ChinaTime.DateOf(now).Year;
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.Set<Complaint>().Where(c => c.Year == year).MaxAsync(c => (int?)c.Sequence, cancellationToken) ?? 0;
            var complaint = Complaint.Create(workerId, station.Id, draft, urgency, year, last + 1, now);
            db.Add(complaint);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return complaint;
            }
            catch (DbUpdateException) when (attempt < NumberAttempts)
            {
                // Another case took this number at the same moment; the next attempt reads the new last one.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The cases that name the same employer within the warning window, the oldest first, this one included.</summary>
    public Task<List<Complaint>> SameEmployerAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (complaint.EmployerKey is null)
        {
            return Task.FromResult(new List<Complaint> { complaint });
        }

        var since = complaint.FiledAt - ComplaintUrgency.SameEmployerWindow;
        var until = complaint.FiledAt + ComplaintUrgency.SameEmployerWindow;
        return db.Set<Complaint>().AsNoTracking().Include(c => c.Station)
            .Where(c => c.EmployerKey == complaint.EmployerKey && c.FiledAt >= since && c.FiledAt <= until)
            .OrderBy(c => c.FiledAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
    }

    private Task<int> OtherWorkersNamingAsync(string employer, int workerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - ComplaintUrgency.SameEmployerWindow;
        return db.Set<Complaint>()
            .Where(c => c.EmployerKey == employer && c.FiledAt >= since && c.WorkerId != workerId)
            .Select(c => c.WorkerId).Distinct().CountAsync(cancellationToken);
    }

    /// <summary>The first rule <paramref name="draft"/> breaks, in words staff can read; null when it breaks none.</summary>
    public static string? Validate(ComplaintDraft draft, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (string.IsNullOrWhiteSpace(draft.EmployerName))
        {
            return "请写明用人单位或老板、包工头的名称";
        }

        if (string.IsNullOrWhiteSpace(draft.WorkPlace))
        {
            return "请写明在哪里干活（城市或区县）";
        }

        if (string.IsNullOrWhiteSpace(draft.Narrative) || draft.Narrative.Trim().Length > Complaint.TextMaxLength)
        {
            return $"情况说明应为1到{Complaint.TextMaxLength}个字";
        }

        if (!Worker.MobilePattern().IsMatch(draft.ContactPhone.Trim()))
        {
            return "手机号应为11位，以1开头";
        }

        if (draft.FiledBy != ComplaintFiler.Worker && (string.IsNullOrWhiteSpace(draft.FilerName) || !draft.WorkerAgreed))
        {
            return "代为反映需要写明代办人姓名，并经工友本人同意";
        }

        if (draft.IdNumber is { } id && (id.Ciphertext.Length is 0 or > ProtectedIdNumber.CiphertextMaxLength || id.Masked.Length != IdCardNumber.Length))
        {
            return "身份证号未能加密保存，请重新输入";
        }

        if (draft.WorkersOwed is < 1 || draft.AmountOwed is < 0)
        {
            return "欠薪人数应至少1人，金额不能为负";
        }

        if (draft.InjuredOn is { } injured && injured > today)
        {
            return "受伤日期不能晚于今天";
        }

        return draft.Evidence.Select(ComplaintEvidence.Validate).FirstOrDefault(broken => broken is not null);
    }
}
