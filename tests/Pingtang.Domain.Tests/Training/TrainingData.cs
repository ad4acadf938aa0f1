using Pingtang.Domain.Training;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Training;

/// <summary>Sessions, workers and enrolments put into a test database, for the training tests of both projects.</summary>
public static class TrainingData
{
    /// <summary>The day the tests of both projects run on: their clocks stand at 2026-11-29 10:00 in China.</summary>
    public static readonly DateOnly Today = new(2026, 11, 29);

    /// <summary>A 焊工 session starting 2026-12-10, with two seats.</summary>
    public static readonly TrainingSessionDetails Welding = new()
    {
        Place = "平塘县公共实训基地",
        StartsOn = new DateOnly(2026, 12, 10),
        EndsOn = new DateOnly(2026, 12, 24),
        Schedule = "每天 8:30-17:30",
        Seats = 2,
        AgeMin = 18,
        AgeMax = 55,
        EnrolBy = new DateOnly(2026, 12, 8),
    };

    /// <summary>An adult of 掌布镇 who has not agreed to reminders.</summary>
    public static readonly WorkerProfile Worker = WorkerProfile.Empty with { BirthYear = 1990, HomeTownship = "掌布镇" };

    public static async Task<int> PlanAsync(PingtangDb db, TrainingSessionDetails details, string course = "焊工")
    {
        ArgumentNullException.ThrowIfNull(db);
        var session = TrainingSession.Plan(db.Courses.Single(c => c.Name == course).Id, details, Today);
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    public static async Task<List<int>> WorkersAsync(PingtangDb db, TimeProvider time, int count, WorkerProfile? profile = null)
    {
        var registry = new WorkerRegistry(db, time);
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var worker = await registry.RegisterAsync(default);
            await registry.SaveProfileAsync(worker.Id, profile ?? Worker, default);
            ids.Add(worker.Id);
        }

        return ids;
    }
}
