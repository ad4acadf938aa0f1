using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Tests.Complaints;

namespace Pingtang.Domain.Tests.Handoffs;

public sealed class HelpRatingsTests : IAsyncLifetime
{
    private static readonly DeskStaff Staff = new(7, "王芳", StationId: null);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_station_s_summary_counts_the_asked_the_answered_each_score_and_the_newest_words_with_their_case()
    {
        var old = await RateAsync("1 太慢");
        _database.Clock.Advance(TimeSpan.FromDays(40));
        var since = _database.Clock.GetUtcNow();
        await RateAsync("4");
        _database.Clock.Advance(TimeSpan.FromMinutes(5));
        var newest = await RateAsync("5 很及时");
        await RateAsync("我想找工作");

        var all = await new HelpRatings(_database.Open()).SummaryAsync(3, null, default);
        var recent = Assert.Single(await new HelpRatings(_database.Open()).SummaryAsync(3, since, default));

        var dalang = Assert.Single(all);
        Assert.Equal((4, 3, 10 / 3.0), (dalang.Asked, dalang.Answered, dalang.Average));
        Assert.Equal([1, 0, 0, 1, 1], dalang.Counts);
        Assert.Equal([(5, "很及时", newest), (1, "太慢", old)], dalang.Latest.Select(w => (w.Score, w.Word, w.CaseNumber)));
        Assert.Equal((3, 2, 4.5), (recent.Asked, recent.Answered, recent.Average));
    }

    [Fact]
    public async Task Every_station_has_a_summary_for_an_admin_even_without_ratings()
    {
        await RateAsync("5");

        var all = await new HelpRatings(_database.Open()).SummaryAsync(null, null, default);

        Assert.Equal([1, 2, 3], all.Select(s => s.StationId));
        Assert.Equal((0, 0, (double?)null), (all[0].Asked, all[0].Answered, all[0].Average));
        Assert.Equal(1, all[2].Answered);
    }

    /// <summary>A Dalang case resolved and its rating question answered with <paramref name="reply"/>; returns the case's number.</summary>
    private async Task<string> RateAsync(string reply)
    {
        var complaint = await _database.FileAsync(Cases.Arrears);
        await using var db = _database.Open();
        var desk = new HandoffDesk(db, _database.Clock);
        var (handoff, _) = await desk.RequestAsync(complaint.WorkerId, complaint.Id, default);
        await desk.AnswerRatingAsync(await desk.ResolveAsync(handoff, Staff, null, default), reply, default);
        return complaint.Number;
    }
}
