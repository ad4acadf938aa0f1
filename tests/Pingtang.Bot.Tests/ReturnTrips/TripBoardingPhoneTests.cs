using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pingtang.Bot.ReturnTrips;
using Pingtang.Bot.Tests.Channels.DirectLine;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Tests.ReturnTrips;

namespace Pingtang.Bot.Tests.ReturnTrips;

/// <summary>The 车长 on a phone-sized Chromium: the boarding page reads at phone width and a tap marks a traveller on board.</summary>
public sealed class TripBoardingPhoneTests
{
    [Fact]
    public async Task The_leader_taps_boarded_on_a_phone_and_the_count_goes_up()
    {
        await using var host = LiveHost.Start();
        var today = ChinaTime.Today(TimeProvider.System);
        int tripId;
        string key;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
            // Dates from the real clock: the live host runs on it.
            var trip = ReturnTrip.Plan(TripData.Guangzhou with { DepartsOn = today.AddDays(30), SignUpBy = today.AddDays(28) }, today);
            db.ReturnTrips.Add(trip);
            await db.SaveChangesAsync();
            (tripId, key) = (trip.Id, trip.BoardingKey);
        }

        await Trips.SignUpAsync(host.Factory, tripId, 0, false, Trips.Traveller("王师傅", "13800000001"), Trips.Traveller("王嫂", "13800000002"));
        await Trips.SignUpAsync(host.Factory, tripId, 1, false, Trips.Traveller("李大姐", "13800000003"));
        await using var phone = await Phone.OpenAsync($"{host.BaseUrl}{TripBoardingEndpoints.Path}/{key}", "trip-boarding-phone.png");
        var boarded = phone.Page.Locator("header [data-count='boarded']");
        await Assertions.Expect(boarded).ToHaveTextAsync("0");
        await phone.ShootAsync("trip-boarding-before.png");

        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "王嫂 已上车", Exact = true }).TapAsync();

        await Assertions.Expect(boarded).ToHaveTextAsync("1");
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.Button, new() { Name = "王嫂 撤销", Exact = true })).ToBeVisibleAsync();
        // Readable at phone width: nothing wider than the screen, and the button a thumb can hit.
        Assert.True(await phone.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        var button = await phone.Page.GetByRole(AriaRole.Button, new() { Name = "王师傅 已上车", Exact = true }).BoundingBoxAsync();
        Assert.True(button is { Height: >= 44, Width: >= 88 }, $"the button is {button?.Width}×{button?.Height}");
        Assert.DoesNotContain(phone.Console, line => line.Contains("Content-Security-Policy", StringComparison.Ordinal));
        await phone.ShootAsync("trip-boarding-after.png");
    }
}
