using System.Net;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.ReturnTrips;
using Pingtang.Bot.Tests.Channels.DirectLine;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Hosting;

/// <summary>
/// Two instances on one PostgreSQL database behind a load balancer that sends a phone's requests to either: the
/// limits a minute per address hold for both together, not for each.
/// </summary>
public sealed class SharedRateLimitsTests : IDisposable
{
    private static readonly IPAddress Phone = IPAddress.Parse("203.0.113.7");

    private readonly FakeTimeProvider _clock = new(TestClock.Now);
    private readonly OneDatabase _database = new();

    public void Dispose()
    {
        _database.Dispose();
    }

    [PostgresFact]
    public async Task Token_requests_from_one_phone_are_counted_on_both_instances_together()
    {
        var settings = new Dictionary<string, string?> { ["DirectLine:TokenRequestsPerMinute"] = "3" };
        var (a, b) = (Instance(settings), Instance(settings));

        var statuses = new List<HttpStatusCode>();
        foreach (var instance in new[] { a, b, a, b })
        {
            statuses.Add(await TokenAsync(instance));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using var refused = await a.CreateClient().PostAsync("/api/directline/token", content: null);
        Assert.Equal("60", Assert.Single(refused.Headers.GetValues("Retry-After")));
    }

    [PostgresFact]
    public async Task Another_phone_and_the_next_minute_get_their_own_allowance()
    {
        var settings = new Dictionary<string, string?> { ["DirectLine:TokenRequestsPerMinute"] = "2" };
        var (a, b) = (Instance(settings), Instance(settings));
        Assert.Equal(HttpStatusCode.OK, await TokenAsync(a));
        Assert.Equal(HttpStatusCode.OK, await TokenAsync(b));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TokenAsync(a));

        var other = Instance(settings, IPAddress.Parse("198.51.100.20"));
        Assert.Equal(HttpStatusCode.OK, await TokenAsync(other));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, await TokenAsync(b));
    }

    [PostgresFact]
    public async Task Guessing_boarding_links_is_stopped_across_instances()
    {
        var settings = new Dictionary<string, string?> { [TripBoardingEndpoints.PerMinuteKey] = "4" };
        var (a, b) = (Instance(settings), Instance(settings));

        var answers = new List<HttpStatusCode>();
        foreach (var (instance, i) in new[] { a, b, a, b, a }.Select((instance, i) => (instance, i)))
        {
            using var response = await instance.CreateClient().GetAsync($"{TripBoardingEndpoints.Path}/{i:x32}");
            answers.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], answers);
    }

    private static async Task<HttpStatusCode> TokenAsync(PingtangFactory instance)
    {
        using var response = await instance.CreateClient().PostAsync("/api/directline/token", content: null);
        return response.StatusCode;
    }

    private PingtangFactory Instance(Dictionary<string, string?> settings, IPAddress? from = null)
    {
        var instance = _database.Instance(all => DirectLineKit.Host(_clock, settings: all), settings);
        instance.ClientAddress = from ?? Phone;
        return instance;
    }
}
