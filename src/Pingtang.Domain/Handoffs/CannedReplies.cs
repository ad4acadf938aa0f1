using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.Handoffs;

/// <summary>A canned reply as the console lists it and the chat offers it.</summary>
public sealed record CannedReplyLine(int Id, string Title, string Text);

/// <summary>
/// The stations' canned replies: listed per station, and written, edited and deleted by that station's staff or an
/// admin. A reply of a station the staff member may not see is treated as one that does not exist.
/// </summary>
public sealed class CannedReplies(PingtangDb db, TimeProvider time)
{
    /// <summary>A station's replies in the order they were written, for the console and the live chat.</summary>
    public async Task<IReadOnlyList<CannedReplyLine>> ForStationAsync(int stationId, CancellationToken cancellationToken) =>
        await db.CannedReplies.AsNoTracking()
            .Where(r => r.StationId == stationId)
            .OrderBy(r => r.Id)
            .Select(r => new CannedReplyLine(r.Id, r.Title, r.Text))
            .ToListAsync(cancellationToken);

    /// <summary>Adds a reply to <paramref name="stationId"/>; null when <paramref name="staff"/> may not keep that station's.</summary>
    public async Task<CannedReply?> AddAsync(DeskStaff staff, int stationId, string? title, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (!staff.MaySee(stationId) || !await db.Stations.AnyAsync(s => s.Id == stationId, cancellationToken))
        {
            return null;
        }

        var reply = CannedReply.Write(stationId, title, text, staff.Name, time.GetUtcNow());
        db.Add(reply);
        await db.SaveChangesAsync(cancellationToken);
        return reply;
    }

    /// <summary>Changes a reply's title and text; null when there is none of that id that <paramref name="staff"/> may keep.</summary>
    public async Task<CannedReply?> EditAsync(DeskStaff staff, int id, string? title, string? text, CancellationToken cancellationToken)
    {
        if (await FindAsync(staff, id, cancellationToken) is not { } reply)
        {
            return null;
        }

        reply.Edit(title, text, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return reply;
    }

    /// <summary>Deletes a reply; null when there is none of that id that <paramref name="staff"/> may keep.</summary>
    public async Task<CannedReply?> DeleteAsync(DeskStaff staff, int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(staff, id, cancellationToken) is not { } reply)
        {
            return null;
        }

        db.Remove(reply);
        await db.SaveChangesAsync(cancellationToken);
        return reply;
    }

    private async Task<CannedReply?> FindAsync(DeskStaff staff, int id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var reply = await db.CannedReplies.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return reply is not null && staff.MaySee(reply.StationId) ? reply : null;
    }
}
