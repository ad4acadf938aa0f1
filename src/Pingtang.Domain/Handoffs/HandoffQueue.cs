using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Complaints;

namespace Pingtang.Domain.Handoffs;

/// <summary>A conversation with a person as the console lists it, with the number of the case it is about.</summary>
public sealed record QueuedConversation(Handoff Handoff, string? CaseNumber);

/// <summary>What the console reads of the conversations with a person: the open ones of a station, and transcripts.</summary>
public sealed class HandoffQueue(PingtangDb db)
{
    /// <summary>
    /// The open conversations of <paramref name="stationId"/> (every station when null): urgent first, then the
    /// longest waiting; the ones still waiting for a person before those already held.
    /// </summary>
    public async Task<IReadOnlyList<QueuedConversation>> OpenAsync(int? stationId, CancellationToken cancellationToken)
    {
        var open = db.Handoffs.AsNoTracking().Include(h => h.Station).Where(h => h.State != HandoffState.Ended);
        open = stationId is { } station ? open.Where(h => h.StationId == station) : open;
        return await open
            .OrderByDescending(h => h.Urgent).ThenBy(h => h.State == HandoffState.Live).ThenBy(h => h.Id)
            .Take(ComplaintQueue.MostShown)
            .Select(h => new QueuedConversation(h, db.Complaints.Where(c => c.Id == h.ComplaintId).Select(c => c.Number).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One conversation with its whole transcript, in the order it was said.</summary>
    public Task<Handoff?> WithLinesAsync(int handoffId, CancellationToken cancellationToken) =>
        db.Handoffs.AsNoTracking().Include(h => h.Station).Include(h => h.Messages.OrderBy(m => m.Id)).AsSplitQuery()
            .SingleOrDefaultAsync(h => h.Id == handoffId, cancellationToken);

    /// <summary>Every conversation about case <paramref name="complaintId"/>, the oldest first, each with its transcript.</summary>
    public async Task<IReadOnlyList<Handoff>> ForComplaintAsync(int complaintId, CancellationToken cancellationToken) =>
        await db.Handoffs.AsNoTracking().Include(h => h.Messages.OrderBy(m => m.Id)).AsSplitQuery()
            .Where(h => h.ComplaintId == complaintId).OrderBy(h => h.Id)
            .ToListAsync(cancellationToken);

    /// <summary>The lines of conversation <paramref name="handoffId"/> said after line <paramref name="afterLineId"/>, in order.</summary>
    public async Task<IReadOnlyList<ChatMessage>> LinesAfterAsync(int handoffId, long afterLineId, CancellationToken cancellationToken) =>
        await db.Set<ChatMessage>().AsNoTracking()
            .Where(m => m.HandoffId == handoffId && m.Id > afterLineId).OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);

    /// <summary>The conversation a transcript line belongs to, and its file, for the staff member who may see it.</summary>
    public Task<ChatMessage?> LineAsync(int handoffId, long lineId, CancellationToken cancellationToken) =>
        db.Set<ChatMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == lineId && m.HandoffId == handoffId, cancellationToken);
}
