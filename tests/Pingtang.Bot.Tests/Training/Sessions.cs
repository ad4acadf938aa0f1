using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Tests.Training;

/// <summary>Training sessions put straight into a test host's database.</summary>
public static class Sessions
{
    /// <summary>2026-11-29 10:00 in China.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

    public static readonly TrainingSessionDetails Welding = new()
    {
        Place = "平塘县公共实训基地",
        StartsOn = new DateOnly(2026, 12, 10),
        EndsOn = new DateOnly(2026, 12, 24),
        Schedule = "每天 8:30-17:30",
        Seats = 30,
        Fee = "免费（政府补贴）",
        Bring = "身份证、一寸照片2张",
        EnrolBy = new DateOnly(2026, 12, 8),
    };

    public static async Task<int> PlanAsync(PingtangFactory factory, string course, TrainingSessionDetails details)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var session = TrainingSession.Plan(db.Courses.Single(c => c.Name == course).Id, details);
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }
}
