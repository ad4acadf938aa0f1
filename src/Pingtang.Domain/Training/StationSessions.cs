using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.Training;

/// <summary>
/// The sessions as the staff console shows them: a station's staff see the sessions their station runs and their
/// rosters, an administrator (a null station) every station's.
/// </summary>
public sealed class StationSessions(PingtangDb db)
{
    /// <summary>The sessions of <paramref name="stationId"/> (every station's when null) not yet over on <paramref name="today"/>, by course and start.</summary>
    public async Task<IReadOnlyList<SessionLine>> UpcomingAsync(int? stationId, DateOnly today, CancellationToken cancellationToken)
    {
        var sessions = db.TrainingSessions.AsNoTracking().Where(s => s.EndsOn >= today);
        if (stationId is { } station)
        {
            sessions = sessions.Where(s => s.StationId == station);
        }

        return await sessions
            .OrderBy(s => s.CourseId).ThenBy(s => s.StartsOn)
            .Select(s => new SessionLine(
                s.Id, s.Course!.Name, s.ExternalId, s.Place, s.Station!.Name, s.StartsOn, s.EndsOn, s.Seats, s.SeatsTaken,
                db.Enrolments.Count(e => e.SessionId == s.Id && e.Status == EnrolmentStatus.Waiting), s.CancelledAt != null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One session with its course and station, or null when there is none with that id.</summary>
    public Task<TrainingSession?> FindAsync(int sessionId, CancellationToken cancellationToken) =>
        db.TrainingSessions.AsNoTracking().Include(s => s.Course).Include(s => s.Station).SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);

    /// <summary>The station whose session the enrolment is in, or null when there is no such enrolment.</summary>
    public Task<int?> StationOfEnrolmentAsync(int enrolmentId, CancellationToken cancellationToken) =>
        db.Enrolments.Where(e => e.Id == enrolmentId).Select(e => (int?)e.Session!.StationId).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Everyone who enrolled, seats first then the waiting list in its order, with each waiting position.</summary>
    public async Task<IReadOnlyList<RosterLine>> RosterAsync(int sessionId, CancellationToken cancellationToken)
    {
        var lines = await db.Enrolments.AsNoTracking()
            .Where(e => e.SessionId == sessionId)
            .OrderBy(e => e.Status == EnrolmentStatus.Waiting).ThenBy(e => e.Status == EnrolmentStatus.Cancelled).ThenBy(e => e.Id)
            .Select(e => new RosterLine(e.Id, e.Worker!.Name, e.Worker.Mobile, e.Worker.HomeTownship, e.Status, e.Code, null))
            .ToListAsync(cancellationToken);
        var position = 0;
        return [.. lines.Select(r => r.Status == EnrolmentStatus.Waiting ? r with { Position = ++position } : r)];
    }

    /// <summary>The courses staff may plan a session of, in catalogue order.</summary>
    public async Task<IReadOnlyList<Course>> CoursesAsync(CancellationToken cancellationToken) =>
        await db.Courses.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
}

/// <summary>One session in the staff's list.</summary>
public sealed record SessionLine(int Id, string Course, string? ExternalId, string Place, string Station, DateOnly StartsOn, DateOnly EndsOn, int Seats, int Taken, int Waiting, bool Cancelled);

/// <summary>One worker of a session's roster; <see cref="Position"/> is their place on the waiting list. Personal data: for the running station's staff only.</summary>
public sealed record RosterLine(int Id, string? Name, string? Mobile, string? HomeTownship, EnrolmentStatus Status, string Code, int? Position);
