using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Training;

/// <summary>The sessions a worker can still enrol in, by course, soonest first.</summary>
public sealed class TrainingCalendar(PingtangDb db, TimeProvider time)
{
    /// <summary>The courses that have a session open for enrolment, in catalogue order, with how many.</summary>
    public async Task<IReadOnlyList<(Course Course, int Sessions)>> OpenCoursesAsync(CancellationToken cancellationToken)
    {
        var open = await Open().GroupBy(s => s.CourseId).Select(g => new { g.Key, Sessions = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Sessions, cancellationToken);
        var courses = await db.Courses.AsNoTracking().Where(c => open.Keys.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return courses.Select(c => (c, open[c.Id])).ToList();
    }

    public async Task<IReadOnlyList<TrainingSession>> OpenSessionsAsync(int courseId, CancellationToken cancellationToken) =>
        await Open().Where(s => s.CourseId == courseId).OrderBy(s => s.StartsOn).ThenBy(s => s.Id).ToListAsync(cancellationToken);

    /// <summary>These sessions with their courses, in the order given.</summary>
    public async Task<IReadOnlyList<TrainingSession>> FindAsync(IReadOnlyList<int> sessionIds, CancellationToken cancellationToken)
    {
        var sessions = await db.TrainingSessions.AsNoTracking().Include(s => s.Course).Where(s => sessionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        return sessionIds.Where(sessions.ContainsKey).Select(id => sessions[id]).ToList();
    }

    public Task<TrainingSession?> FindAsync(int sessionId, CancellationToken cancellationToken) =>
        db.TrainingSessions.AsNoTracking().Include(s => s.Course).SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);

    /// <summary>Open sessions, of any course, that the worker may enrol in: offered when the one they chose refuses them.</summary>
    public async Task<IReadOnlyList<TrainingSession>> EligibleAsync(Worker worker, int exceptSessionId, int count, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(time);
        var sessions = await Open().Where(s => s.Id != exceptSessionId).OrderBy(s => s.StartsOn).ToListAsync(cancellationToken);
        return sessions.Where(s => s.Refusal(worker, today) is null).Take(count).ToList();
    }

    private IQueryable<TrainingSession> Open()
    {
        var today = ChinaTime.Today(time);
        return db.TrainingSessions.AsNoTracking().Include(s => s.Course).Where(s => s.CancelledAt == null && s.EnrolBy >= today && s.StartsOn > today);
    }
}
