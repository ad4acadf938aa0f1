using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;

namespace Pingtang.Bot.Tests.Jobs;

/// <summary>Postings put straight into a test host's database, for conversations about them.</summary>
public static class Postings
{
    public static Task AddAsync(PingtangFactory factory, params JobPostingDraft[] drafts) => AddAtAsync(factory, TestClock.Now, drafts);

    public static async Task AddAtAsync(PingtangFactory factory, DateTimeOffset importedAt, params JobPostingDraft[] drafts)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var stations = db.Stations.ToDictionary(s => s.Name, s => s.Id);
        foreach (var draft in drafts)
        {
            db.JobPostings.Add(JobPosting.Create(draft, stations[draft.Station], "测试", importedAt));
        }

        await db.SaveChangesAsync();
    }
}
