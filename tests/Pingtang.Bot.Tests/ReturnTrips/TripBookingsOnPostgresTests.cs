using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Tests.ReturnTrips;

namespace Pingtang.Bot.Tests.ReturnTrips;

/// <summary>
/// Bookings under PostgreSQL's READ COMMITTED, where two sign-ups for one departure run at the same moment instead
/// of one after another as on SQLite.
/// </summary>
public sealed class TripBookingsOnPostgresTests : IDisposable
{
    private const int Rounds = 12;

    private readonly PingtangFactory _factory = new(new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres" }, new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [PostgresFact]
    public async Task Two_sign_ups_at_once_with_the_same_mobile_book_one_seat_and_refuse_the_other()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var trip = await Trips.PlanAsync(_factory, TripData.Guangzhou);
            var mobile = $"1390000{round:D4}";

            var results = await Task.WhenAll(
                Task.Run(() => Trips.SignUpAsync(_factory, trip.Id, Trips.Traveller("王师傅", mobile))),
                Task.Run(() => Trips.SignUpAsync(_factory, trip.Id, Trips.Traveller("王大哥", mobile))));

            Assert.Single(results, r => r is TripSignUpResult.Confirmed);
            Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, TripRules.MobileAlreadyOnTrip, mobile), Assert.Single(results.OfType<TripSignUpResult.Refused>()).Reason);
            Assert.Single(await Trips.BookingsAsync(_factory), b => b.TripId == trip.Id);
        }
    }
}
