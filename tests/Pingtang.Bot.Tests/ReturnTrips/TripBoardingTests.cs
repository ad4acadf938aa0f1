using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.ReturnTrips;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain.Tests.ReturnTrips;

namespace Pingtang.Bot.Tests.ReturnTrips;

/// <summary>The 车长's boarding page: the key in the link is the only credential, and a wrong one changes nothing.</summary>
public sealed partial class TripBoardingTests : IDisposable
{
    private const string Password = "test-admin-password";

    private readonly PingtangFactory _factory = new(new Dictionary<string, string?> { [TripBoardingEndpoints.PerMinuteKey] = "40" }, new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_leader_marks_a_traveller_on_board_and_takes_it_back_and_the_counts_follow()
    {
        var (board, ids) = await TripWithTravellersAsync();
        using var leader = Leader();

        var before = await leader.GetStringAsync(board);
        using var marked = await leader.PostFormAsync($"{board}/{ids["王嫂"]}", new Dictionary<string, string> { ["boarded"] = "1" }, from: board);
        var after = await leader.GetStringAsync(board);
        using var undone = await leader.PostFormAsync($"{board}/{ids["王嫂"]}", new Dictionary<string, string> { ["boarded"] = "0" }, from: board);
        var last = await leader.GetStringAsync(board);

        Assert.Contains("已上车 <strong data-count=\"boarded\">0</strong> / 3 人", before, StringComparison.Ordinal);
        Assert.Equal($"{board}#t{ids["王嫂"]}", marked.Headers.Location!.OriginalString);
        Assert.Contains("已上车 <strong data-count=\"boarded\">1</strong> / 3 人", after, StringComparison.Ordinal);
        Assert.Contains("克度镇 克度镇政府门口 06:30 <span>1/2</span>", after, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"王嫂 撤销\"", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Contains("已上车 <strong data-count=\"boarded\">0</strong> / 3 人", last, StringComparison.Ordinal);
        Assert.Null(await Trips.ReadAsync(_factory, db => db.Set<Domain.ReturnTrips.Traveller>().Where(t => t.Id == ids["王嫂"]).Select(t => t.BoardedAt).SingleAsync()));
    }

    [Fact]
    public async Task The_page_shows_phones_for_calling_but_no_id_numbers_and_not_the_waiting()
    {
        var trip = await Trips.PlanAsync(_factory, TripData.DongguanTrain with { Seats = 1 });
        await Trips.SignUpAsync(_factory, trip.Id, Trips.Traveller("王师傅", "13800000001", Trips.IdNumberA));
        await Trips.SignUpAsync(_factory, trip.Id, Trips.Traveller("候补者", "13800000002", Trips.IdNumberB));
        using var leader = Leader();

        using var response = await leader.GetAsync($"{TripBoardingEndpoints.Path}/{trip.BoardingKey}");
        var page = await response.Content.ReadAsStringAsync();
        // The key and the form token are random and may hold any four digits; the masked number's ends must show nowhere else.
        var shown = AntiforgeryValue().Replace(page.Replace(trip.BoardingKey, "", StringComparison.Ordinal), "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"tel:13800000001\">13800000001</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Trips.IdNumberA[..4], shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Trips.IdNumberA[^4..], shown, StringComparison.Ordinal);
        Assert.DoesNotContain("候补者", page, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore, "the page is not kept by the phone or a proxy");
        Assert.Contains("form-action 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_a_renewed_key_or_another_trips_traveller_gets_the_same_404_and_changes_nothing()
    {
        var (board, ids) = await TripWithTravellersAsync();
        var other = await Trips.PlanAsync(_factory, TripData.Guangzhou with { DestinationCity = "东莞" });
        var otherBoard = $"{TripBoardingEndpoints.Path}/{other.BoardingKey}";
        using var leader = Leader();
        var wrongKey = $"{TripBoardingEndpoints.Path}/{new string('0', 32)}";

        using var wrong = await leader.GetAsync(wrongKey);
        using var notHex = await leader.GetAsync($"{TripBoardingEndpoints.Path}/not-a-key");
        using var wrongPost = await leader.PostFormAsync($"{wrongKey}/{ids["王嫂"]}", new Dictionary<string, string> { ["boarded"] = "1" }, from: board);
        using var otherTrips = await leader.PostFormAsync($"{otherBoard}/{ids["王嫂"]}", new Dictionary<string, string> { ["boarded"] = "1" }, from: board);
        using var admin = await StaffClient.SignInAsync(_factory, Password);
        using var renewed = await admin.PostFormAsync($"{TripStaffEndpoints.Path}/{ids["trip"]}/boarding-key", from: TripStaffEndpoints.Path);
        var newBoard = Boarding.PathOf(await admin.GetStringAsync($"{TripStaffEndpoints.Path}/{ids["trip"]}"));
        using var oldKey = await leader.PostFormAsync($"{board}/{ids["王嫂"]}", new Dictionary<string, string> { ["boarded"] = "1" }, from: newBoard);
        using var oldPage = await leader.GetAsync(board);
        using var newPage = await leader.GetAsync(newBoard);

        var bodies = new List<string>();
        foreach (var response in new[] { wrong, notHex, wrongPost, otherTrips, oldKey, oldPage })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Single(bodies.Distinct());
        Assert.Contains(TripStaffTexts.BoardingNotFound, bodies[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        Assert.NotEqual(board, newBoard);
        Assert.Equal(HttpStatusCode.OK, newPage.StatusCode);
        Assert.Equal(0, await Trips.ReadAsync(_factory, db => db.Set<Domain.ReturnTrips.Traveller>().CountAsync(t => t.BoardedAt != null)));
    }

    [Fact]
    public async Task A_mark_without_the_pages_antiforgery_token_is_refused_and_changes_nothing()
    {
        var (board, ids) = await TripWithTravellersAsync();
        using var leader = Leader();
        await leader.GetStringAsync(board);

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["boarded"] = "1" });
        using var forged = await leader.PostAsync($"{board}/{ids["王嫂"]}", content);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await Trips.ReadAsync(_factory, db => db.Set<Domain.ReturnTrips.Traveller>().CountAsync(t => t.BoardedAt != null)));
    }

    [Fact]
    public async Task One_address_guessing_keys_is_stopped_by_the_limiter()
    {
        using var guesser = Leader();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 41; i++)
        {
            using var response = await guesser.GetAsync($"{TripBoardingEndpoints.Path}/{i:x32}");
            answers.Add(response.StatusCode);
        }

        // The window is a minute long: forty requests in a row fit in one on any machine.
        Assert.All(answers.Take(40), a => Assert.Equal(HttpStatusCode.NotFound, a));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[40]);
    }

    /// <summary>A Guangzhou bus with 王师傅 and 王嫂 at 克度镇 and 李大姐 at 平湖街道; its boarding path and the travellers' ids (and "trip").</summary>
    private async Task<(string Board, Dictionary<string, int> Ids)> TripWithTravellersAsync()
    {
        var trip = await Trips.PlanAsync(_factory, TripData.Guangzhou);
        await Trips.SignUpAsync(_factory, trip.Id, 0, false, Trips.Traveller("王师傅", "13800000001"), Trips.Traveller("王嫂", "13800000002"));
        await Trips.SignUpAsync(_factory, trip.Id, 1, false, Trips.Traveller("李大姐", "13800000003"));
        var ids = await Trips.TravellerIdsAsync(_factory, trip.Id);
        ids["trip"] = trip.Id;
        return ($"{TripBoardingEndpoints.Path}/{trip.BoardingKey}", ids);
    }

    private HttpClient Leader() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [GeneratedRegex($"name=\"{StaffClient.TokenField}\" value=\"[^\"]+\"")]
    private static partial Regex AntiforgeryValue();
}

/// <summary>The 车长's link as staff see it on the departure page.</summary>
public static partial class Boarding
{
    public static string PathOf(string departurePage)
    {
        var match = Link().Match(departurePage);
        Assert.True(match.Success, "No boarding link on the departure page");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<a href=\"(?:https?://[^/\"]+)?(/trips/board/[0-9a-f]{32})\"")]
    private static partial Regex Link();
}
