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

    /// <summary>The table as staff edit it, by station then place.</summary>
    public async Task<IReadOnlyList<ComplaintRoute>> RoutesAsync(CancellationToken cancellationToken) =>
        await db.Set<ComplaintRoute>().AsNoTracking().Include(r => r.Station)
            .OrderBy(r => r.StationId).ThenBy(r => r.Place)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Sends complaints whose place of work names <paramref name="place"/> to <paramref name="stationId"/>, replacing
    /// the line the place had; a blank or too long place, or an unknown station, is a <see cref="DomainException"/>.
    /// </summary>
    public async Task<ComplaintRoute> SetRouteAsync(string? place, int stationId, CancellationToken cancellationToken)
    {
        var clean = TypedText.Clean(place)?.Trim() ?? "";
        if (clean.Length is 0 or > ComplaintRoute.PlaceMaxLength)
        {
            throw new DomainException($"地名应为1到{ComplaintRoute.PlaceMaxLength}个字，如：佛山、顺德");
        }

        if (!await db.Set<Station>().AnyAsync(s => s.Id == stationId, cancellationToken))
        {
            throw new DomainException("请选择站点");
        }

        var route = await db.Set<ComplaintRoute>().SingleOrDefaultAsync(r => r.Place == clean, cancellationToken);
        if (route is null)
        {
            route = new ComplaintRoute { Place = clean, StationId = stationId };
            db.Add(route);
        }
        else
        {
            route.StationId = stationId;
        }

        await db.SaveChangesAsync(cancellationToken);
        return route;
    }

    /// <summary>Removes a line: its place goes to the county's centre again. False when there is no such line.</summary>
    public async Task<bool> RemoveRouteAsync(int routeId, CancellationToken cancellationToken) =>
        await db.Set<ComplaintRoute>().Where(r => r.Id == routeId).ExecuteDeleteAsync(cancellationToken) > 0;
}
