using Pingtang.Domain.Training;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Training;

/// <summary>Sessions, workers and enrolments put in a test database, as the training tests of both projects need them.</summary>
public static class TrainingData
{
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

    public static async Task<int> PlanAsync(TestDatabase database, TrainingSessionDetails details, string course = "焊工")
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.Open();
        var session = TrainingSession.Plan(db.Courses.Single(c => c.Name == course).Id, details);
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    public static async Task<List<int>> WorkersAsync(TestDatabase database, int count, WorkerProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.Open();
        var registry = new WorkerRegistry(db, database.Clock);
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var worker = await registry.RegisterAsync(default);
            await registry.SaveProfileAsync(worker.Id, profile ?? WorkerProfile.Empty with { BirthYear = 1990, HomeTownship = "掌布镇" }, default);
            ids.Add(worker.Id);
        }

        return ids;
    }

    public static async Task<EnrolResult> EnrolAsync(TestDatabase database, int worker, int session)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.Open();
        return await new Enrolments(db, database.Clock).EnrolAsync(worker, session, default);
    }
}
