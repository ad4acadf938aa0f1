using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Training;

/// <summary>The sessions a worker can still enrol in, by course, soonest first.</summary>
public sealed class TrainingCalendar(PingtangDb db, TimeProvider time)
{
    /// <summary>The courses that have a session open for enrolment, in catalogue order, with how many.</summary>
    public async Task<IReadOnlyList<(Course Course, int Sessions)>> OpenCoursesAsync(CancellationToken cancellationToken)
    {
        var open = await Open().GroupBy(s => s.CourseId).Select(g => new { CourseId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var courses = await db.Courses.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return courses.Where(c => open.Any(o => o.CourseId == c.Id)).Select(c => (c, open.Single(o => o.CourseId == c.Id).Count)).ToList();
    }

    public async Task<IReadOnlyList<TrainingSession>> OpenSessionsAsync(int courseId, CancellationToken cancellationToken) =>
        await Open().Where(s => s.CourseId == courseId).OrderBy(s => s.StartsOn).ThenBy(s => s.Id).ToListAsync(cancellationToken);

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
