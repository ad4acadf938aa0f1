using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.Training;

/// <summary>
/// One course's figures for the county's reports. <see cref="Enrolled"/> counts everyone who got a seat (confirmed,
/// attended or completed), <see cref="Attended"/> those who came, completed included.
/// </summary>
public sealed record CourseCounts(string Course, int Sessions, int Enrolled, int Waiting, int Attended, int Completed)
{
    /// <summary>
    /// Every course of the catalogue, in catalogue order, with the enrolments of its sessions that were not cancelled:
    /// of the sessions <paramref name="stationId"/> runs, or of every station's when null.
    /// </summary>
    public static async Task<IReadOnlyList<CourseCounts>> ForAllCoursesAsync(PingtangDb db, int? stationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var enrolments = db.Enrolments.AsQueryable();
        var ofSessions = db.TrainingSessions.AsQueryable();
        if (stationId is { } station)
        {
            enrolments = enrolments.Where(e => e.Session!.StationId == station);
            ofSessions = ofSessions.Where(s => s.StationId == station);
        }

        var statuses = await enrolments
            .GroupBy(e => new { e.Session!.CourseId, e.Status })
            .Select(g => new { g.Key.CourseId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var sessions = await ofSessions
            .Where(s => s.CancelledAt == null)
            .GroupBy(s => s.CourseId)
            .Select(g => new { CourseId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CourseId, g => g.Count, cancellationToken);
        var courses = await db.Courses.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return [.. courses.Select(course =>
        {
            int Count(params EnrolmentStatus[] wanted) => statuses.Where(s => s.CourseId == course.Id && wanted.Contains(s.Status)).Sum(s => s.Count);
            return new CourseCounts(
                course.Name,
                sessions.GetValueOrDefault(course.Id),
                Count(EnrolmentStatus.Confirmed, EnrolmentStatus.Attended, EnrolmentStatus.Completed),
                Count(EnrolmentStatus.Waiting),
                Count(EnrolmentStatus.Attended, EnrolmentStatus.Completed),
                Count(EnrolmentStatus.Completed));
        })];
    }
}
