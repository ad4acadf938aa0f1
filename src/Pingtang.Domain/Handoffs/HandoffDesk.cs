using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Outbox;

namespace Pingtang.Domain.Handoffs;

/// <summary>A staff member as the desk sees them: who writes, and the station they may act for (null: every station).</summary>
public sealed record DeskStaff(int Id, string Name, int? StationId)
{
    public bool MaySee(int stationId) => StationId is null || StationId == stationId;
}

/// <summary>
/// The station's side of a worker's conversation with a person: asking for one, taking it over, writing, handing it
/// back or resolving. Everything the worker is sent goes through the outbox in the same save as the change.
/// </summary>
public sealed class HandoffDesk(PingtangDb db, TimeProvider time)
{
    private readonly OutboxMessages _outbox = new(db, time);

    /// <summary>The worker's open conversation with a person, if they have one.</summary>
    public Task<Handoff?> OpenForWorkerAsync(int workerId, CancellationToken cancellationToken) =>
        db.Set<Handoff>().SingleOrDefaultAsync(h => h.WorkerId == workerId && h.State != HandoffState.Ended, cancellationToken);

    /// <summary>
    /// What every message of a worker is checked for: an open conversation with a person, or a rating they were just
    /// asked for. One query for both, since nearly every message has neither; the row is loaded only when there is one.
    /// </summary>
    public async Task<(Handoff? Open, HelpRating? AwaitedRating)> AttentionAsync(int workerId, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - HelpRating.AnswerWindow;
        var ids = await db.Workers.Where(w => w.Id == workerId)
            .Select(w => new
            {
                Handoff = db.Handoffs.Where(h => h.WorkerId == workerId && h.State != HandoffState.Ended).Select(h => (int?)h.Id).FirstOrDefault(),
                Rating = db.HelpRatings.Where(r => r.WorkerId == workerId && r.AnsweredAt == null && r.AskedAt >= since)
                    .OrderByDescending(r => r.AskedAt).Select(r => (int?)r.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return ids switch
        {
            { Handoff: { } handoff } => (await db.Handoffs.SingleAsync(h => h.Id == handoff, cancellationToken), null),
            { Rating: { } rating } => (null, await db.HelpRatings.SingleAsync(r => r.Id == rating, cancellationToken)),
            _ => (null, null),
        };
    }

    public Task<Handoff?> FindAsync(int handoffId, CancellationToken cancellationToken) =>
        db.Set<Handoff>().Include(h => h.Station).SingleOrDefaultAsync(h => h.Id == handoffId, cancellationToken);

    /// <summary>
    /// Puts the worker in their station's queue, or returns the conversation they already have open (a second 人工
    /// rejoins it). With a case, the case's station takes it; otherwise the station of where the worker works now.
    /// </summary>
    public async Task<(Handoff Handoff, bool IsNew)> RequestAsync(int workerId, int? complaintId, CancellationToken cancellationToken)
    {
        var (handoff, isNew) = await OpenOrRequestAsync(workerId, complaintId, cancellationToken);
        // The worker is told which station will answer.
        await db.Entry(handoff).Reference(h => h.Station).LoadAsync(cancellationToken);
        return (handoff, isNew);
    }

    /// <summary>
    /// Keeps lines of the worker's conversation in its transcript; none when the channel's retry of a message was kept
    /// already (<paramref name="sourceId"/>).
    /// </summary>
    public async Task<IReadOnlyList<ChatMessage>> RecordAsync(Handoff handoff, ChatAuthor author, IReadOnlyList<(string Text, ChatAttachment? Attachment)> lines, string? sourceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        ArgumentNullException.ThrowIfNull(lines);
        if (sourceId is not null && await db.Set<ChatMessage>().AnyAsync(m => m.HandoffId == handoff.Id && m.SourceId == sourceId, cancellationToken))
        {
            return [];
        }

        var now = time.GetUtcNow();
        // One line per file: each keeps the message's id, made distinct, so a retry finds the first of them.
        var kept = lines.Select((l, i) => handoff.Record(author, null, l.Text, now, l.Attachment, sourceId is null ? null : i == 0 ? sourceId : $"{sourceId}#{i}")).ToList();
        await db.SaveChangesAsync(cancellationToken);
        return kept;
    }

    public Task<Handoff?> OfferedOnAsync(string externalConversationId, CancellationToken cancellationToken) =>
        db.Set<Handoff>().SingleOrDefaultAsync(h => h.ExternalConversationId == externalConversationId && h.State != HandoffState.Ended, cancellationToken);

    /// <summary>From now the bot is silent for this worker; false when this staff member already held it.</summary>
    public async Task<bool> TakeOverAsync(Handoff handoff, DeskStaff staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        ArgumentNullException.ThrowIfNull(staff);
        if (handoff.IsHeldBy(staff.Id))
        {
            return false;
        }

        var now = time.GetUtcNow();
        handoff.TakeOver(staff.Id, staff.Name, now);
        var line = handoff.Record(ChatAuthor.System, staff.Name, $"{staff.Name} 接手了对话", now);
        await SaveWithNoticeAsync(() => HandoffNotices.TakenOver(handoff, line.Id), cancellationToken);
        return true;
    }

    /// <summary>What staff write reaches the worker, signed with their name; writing to a waiting worker takes them over.</summary>
    public async Task<ChatMessage> ReplyAsync(Handoff handoff, DeskStaff staff, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        ArgumentNullException.ThrowIfNull(staff);
        var clean = CleanLine(text);
        if (!handoff.IsHeldBy(staff.Id))
        {
            await TakeOverAsync(handoff, staff, cancellationToken);
        }

        var line = handoff.Record(ChatAuthor.Staff, staff.Name, clean, time.GetUtcNow());
        await SaveWithNoticeAsync(() => HandoffNotices.Reply(handoff, line), cancellationToken);
        return line;
    }

    /// <summary>A note for colleagues, kept with the conversation and never sent.</summary>
    public async Task<ChatMessage> NoteAsync(Handoff handoff, DeskStaff staff, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        ArgumentNullException.ThrowIfNull(staff);
        var line = handoff.Record(ChatAuthor.Note, staff.Name, CleanLine(text), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return line;
    }

    /// <summary>The bot takes the conversation back, the case still open; the worker gets the summary and the menu.</summary>
    public async Task HandBackAsync(Handoff handoff, DeskStaff staff, string? summary, IReadOnlyList<string> menu, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        ArgumentNullException.ThrowIfNull(staff);
        var now = time.GetUtcNow();
        handoff.End(HandoffEnding.HandedBack, summary, now);
        handoff.Record(ChatAuthor.System, staff.Name, $"{staff.Name} 交还给智能助手", now);
        _outbox.Queue(HandoffNotices.HandedBack(handoff, menu));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Ends the conversation as resolved and asks the worker to rate the help. The case's own status is the
    /// complaint's to change.
    /// </summary>
    public async Task<HelpRating> ResolveAsync(Handoff handoff, DeskStaff staff, string? summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        ArgumentNullException.ThrowIfNull(staff);
        var now = time.GetUtcNow();
        handoff.End(HandoffEnding.Resolved, summary, now);
        handoff.Record(ChatAuthor.System, staff.Name, $"{staff.Name} 标记为已解决", now);
        var caseNumber = handoff.ComplaintId is { } id
            ? await db.Set<Complaint>().Where(c => c.Id == id).Select(c => c.Number).SingleAsync(cancellationToken)
            : null;
        return await AskRatingAsync(HelpRating.Ask(handoff.WorkerId, handoff.StationId, handoff.ComplaintId, handoff.Id, now), caseNumber, cancellationToken);
    }

    /// <summary>
    /// A case resolved on its page: a conversation still open about it ends with it, and the worker is asked to rate
    /// the help, as when the conversation is resolved.
    /// </summary>
    public async Task<HelpRating> ResolveCaseAsync(Complaint complaint, DeskStaff staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var open = await db.Handoffs.SingleOrDefaultAsync(h => h.ComplaintId == complaint.Id && h.State != HandoffState.Ended, cancellationToken);
        return open is not null
            ? await ResolveAsync(open, staff, null, cancellationToken)
            : await AskRatingAsync(HelpRating.Ask(complaint.WorkerId, complaint.StationId, complaint.Id, null, time.GetUtcNow()), complaint.Number, cancellationToken);
    }

    /// <summary>The agent hub of a Bot Framework host answered the <c>handoff.initiate</c> it was sent.</summary>
    public async Task<Handoff?> ExternalStatusAsync(string externalConversationId, string state, string? message, CancellationToken cancellationToken)
    {
        if (await OfferedOnAsync(externalConversationId, cancellationToken) is not { } handoff)
        {
            return null;
        }

        var now = time.GetUtcNow();
        switch (state)
        {
            case "accepted":
                handoff.TakeOverExternally(now);
                handoff.Record(ChatAuthor.System, "外部坐席", "外部坐席接手了对话", now);
                break;
            case "completed" when handoff.Holder == HandoffHolder.ExternalHub:
                handoff.End(HandoffEnding.HandedBack, message, now);
                handoff.Record(ChatAuthor.System, "外部坐席", "外部坐席结束了对话", now);
                break;
            case "failed":
                // The host could not take it: the conversation stays in the station's own queue.
                handoff.Record(ChatAuthor.System, "外部坐席", $"外部坐席未能接手{(message is null ? "" : $"：{message}")}", now);
                break;
            default:
                return null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return handoff;
    }

    /// <summary>Takes the worker's reply as the rating when it reads as one; otherwise the question is passed.</summary>
    public async Task<bool> AnswerRatingAsync(HelpRating rating, string? reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rating);
        var read = HelpRating.Read(reply);
        if (read is { } answer)
        {
            rating.Answer(answer.Score, answer.Word, time.GetUtcNow());
        }
        else
        {
            rating.Pass(time.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return read is not null;
    }

    private async Task<HelpRating> AskRatingAsync(HelpRating rating, string? caseNumber, CancellationToken cancellationToken)
    {
        db.Add(rating);
        await SaveWithNoticeAsync(() => HandoffNotices.AskRating(rating, caseNumber), cancellationToken);
        return rating;
    }

    /// <summary>
    /// Saves the change, then queues the notice whose key needs the ids the save gave (the transcript line, the
    /// rating), in one transaction: the worker is told exactly when the change happened. Inside a caller's
    /// transaction (a case's status and its conversation resolved together) it is part of that one.
    /// </summary>
    private async Task SaveWithNoticeAsync(Func<OutboxDraft> notice, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        _outbox.Queue(notice());
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task<(Handoff Handoff, bool IsNew)> OpenOrRequestAsync(int workerId, int? complaintId, CancellationToken cancellationToken)
    {
        var complaint = complaintId is { } id
            ? await db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken)
            : null;
        if (await OpenForWorkerAsync(workerId, cancellationToken) is { } open)
        {
            if (complaint is not null)
            {
                open.Attach(complaint.Id, complaint.StationId, complaint.IsUrgent);
                await db.SaveChangesAsync(cancellationToken);
            }

            return (open, false);
        }

        var stationId = complaint?.StationId ?? await StationOfAsync(workerId, cancellationToken);
        var handoff = Handoff.Request(workerId, stationId, complaint?.Id, complaint?.IsUrgent ?? false, time.GetUtcNow());
        if (await db.TryInsertAsync(handoff, async () => await OpenForWorkerAsync(workerId, cancellationToken) is not null, cancellationToken))
        {
            return (handoff, true);
        }

        return (await OpenForWorkerAsync(workerId, cancellationToken) ?? throw new InvalidOperationException("The open handoff vanished."), false);
    }

    private async Task<int> StationOfAsync(int workerId, CancellationToken cancellationToken)
    {
        var city = await db.Workers.Where(w => w.Id == workerId).Select(w => w.CurrentCity).SingleOrDefaultAsync(cancellationToken);
        return (await new ComplaintRouting(db).StationForAsync(city, cancellationToken)).Id;
    }

    private static string CleanLine(string text)
    {
        var clean = TypedText.Clean(text)?.Trim();
        return string.IsNullOrEmpty(clean)
            ? throw new DomainException("请先写下要发的内容。")
            : clean.Length > ChatMessage.TextMaxLength ? throw new DomainException($"一条最多 {ChatMessage.TextMaxLength} 个字，请分成几条发。") : clean;
    }
}
