using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Stations;

namespace Pingtang.Domain.Complaints;

/// <summary>Which station takes a complaint, from where the work is.</summary>
public sealed class ComplaintRouting(PingtangDb db)
{
    /// <summary>
    /// The station of the longest place in the table that <paramref name="workPlace"/> names (白云区 before 广州 if both
    /// were lines of different stations), or the county's employment service centre.
    /// </summary>
    public async Task<Station> StationForAsync(string? workPlace, CancellationToken cancellationToken)
    {
        var place = TypedText.Clean(workPlace)?.Trim() ?? "";
        var routes = await db.Set<ComplaintRoute>().AsNoTracking().Include(r => r.Station).ToListAsync(cancellationToken);
        var route = routes
            .Where(r => place.Contains(r.Place, StringComparison.Ordinal))
            .OrderByDescending(r => r.Place.Length)
            .FirstOrDefault();
        return route?.Station
            ?? await db.Set<Station>().AsNoTracking().SingleAsync(s => s.Name == Station.CountyCentre, cancellationToken);
    }
}
