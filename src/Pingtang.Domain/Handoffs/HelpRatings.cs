using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.Handoffs;

/// <summary>
/// One station's ratings over a period: how many workers were asked, how many gave a score, the average, how many
/// gave each score (<see cref="Counts"/>[0] for 1 … [4] for 5) and the newest words they wrote.
/// </summary>
public sealed record StationRatings(int StationId, string StationName, int Asked, int Answered, double? Average, IReadOnlyList<int> Counts, IReadOnlyList<RatingWord> Latest);

/// <summary>What a worker wrote with their score, and the case it was about (null when they had asked for a person without one).</summary>
public sealed record RatingWord(int Score, string Word, string? CaseNumber, DateTimeOffset AnsweredAt);

/// <summary>The help ratings as the console shows them, per station.</summary>
public sealed class HelpRatings(PingtangDb db)
{
    /// <summary>How many of a station's newest words are shown.</summary>
    public const int WordsShown = 20;

    /// <summary>
    /// Every station's ratings (one station's when <paramref name="stationId"/> is given) of the questions asked
    /// since <paramref name="since"/>, or ever. A question the worker passed over counts as asked, not answered.
    /// </summary>
    public async Task<IReadOnlyList<StationRatings>> SummaryAsync(int? stationId, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var ratings = db.HelpRatings.AsNoTracking();
        var stations = db.Stations.AsNoTracking();
        if (stationId is { } only)
        {
            ratings = ratings.Where(r => r.StationId == only);
            stations = stations.Where(s => s.Id == only);
        }

        if (since is { } from)
        {
            ratings = ratings.Where(r => r.AskedAt >= from);
        }

        var counts = await ratings.GroupBy(r => new { r.StationId, r.Score })
            .Select(g => new { g.Key.StationId, g.Key.Score, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var list = await stations.OrderBy(s => s.Id).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var summary = new List<StationRatings>(list.Count);
        foreach (var station in list)
        {
            var mine = counts.Where(c => c.StationId == station.Id).ToList();
            var byScore = Enumerable.Range(1, 5).Select(score => mine.Where(c => c.Score == score).Sum(c => c.Count)).ToList();
            var answered = byScore.Sum();
            var average = answered == 0 ? (double?)null : byScore.Select((count, i) => count * (i + 1.0)).Sum() / answered;
            summary.Add(new StationRatings(station.Id, station.Name, mine.Sum(c => c.Count), answered, average, byScore, await LatestWordsAsync(ratings, station.Id, cancellationToken)));
        }

        return summary;
    }

    private Task<List<RatingWord>> LatestWordsAsync(IQueryable<HelpRating> ratings, int stationId, CancellationToken cancellationToken) =>
        ratings.Where(r => r.StationId == stationId && r.Score != null && r.Word != null)
            .OrderByDescending(r => r.AnsweredAt).ThenByDescending(r => r.Id)
            .Take(WordsShown)
            .Select(r => new RatingWord(
                r.Score!.Value,
                r.Word!,
                db.Complaints.Where(c => c.Id == r.ComplaintId).Select(c => c.Number).FirstOrDefault(),
                r.AnsweredAt!.Value))
            .ToListAsync(cancellationToken);
}
