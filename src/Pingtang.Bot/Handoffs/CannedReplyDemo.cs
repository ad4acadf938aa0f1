using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Demo;
using Pingtang.Domain;
using Pingtang.Domain.Handoffs;

namespace Pingtang.Bot.Handoffs;

/// <summary>The canned replies' part of <c>seed-demo</c>: a few every station uses, added once, whatever the runs.</summary>
public static class CannedReplyDemo
{
    public static DemoSeed Demo { get; } = new(CannedReplyTexts.DemoMakes, Count: null, (_, services, console, ct) => SeedAsync(services, console, ct));

    private static async Task SeedAsync(IServiceProvider services, Hosting.CommandConsole console, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PingtangDb>();
        var replies = new CannedReplies(db, services.GetRequiredService<TimeProvider>());
        var seeder = new DeskStaff(0, CannedReplyTexts.DemoAuthor, StationId: null);
        var added = 0;
        foreach (var station in await db.Stations.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken))
        {
            var kept = (await replies.ForStationAsync(station.Id, cancellationToken)).Select(r => r.Title).ToHashSet();
            foreach (var (title, text) in CannedReplyTexts.DemoReplies(CannedReplyTexts.ShortName(station.Name)).Where(r => !kept.Contains(r.Title)))
            {
                await replies.AddAsync(seeder, station.Id, title, text, cancellationToken);
                added++;
            }
        }

        await console.Out.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, CannedReplyTexts.DemoReport, added));
    }
}
