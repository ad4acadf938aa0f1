using Pingtang.Domain.ReturnTrips;

namespace Pingtang.Domain.Tests.ReturnTrips;

/// <summary>Departures put into a test database, for the return-trip tests of both projects (clocks at 2026-11-29).</summary>
public static class TripData
{
    /// <summary>A bus to 广州 on 2027-02-11 (正月初六) at 07:30, picking up in 克度镇 and 平湖街道, with three seats.</summary>
    public static readonly ReturnTripDetails Guangzhou = new()
    {
        Mode = TripMode.Bus,
        DestinationCity = "广州",
        DepartsOn = new DateOnly(2027, 2, 11),
        DepartsAt = new TimeOnly(7, 30),
        Seats = 3,
        SignUpBy = new DateOnly(2027, 2, 9),
        LeaderName = "罗师傅",
        LeaderPhone = "13985400001",
        Notes = "带好身份证、口罩和路上吃的",
        PickupPoints =
        [
            new() { Township = "克度镇", Place = "克度镇政府门口", Time = new TimeOnly(6, 30) },
            new() { Township = "平湖街道", Place = "县客运站", Time = new TimeOnly(7, 30) },
        ],
    };

    /// <summary>The special train to 东莞 on 2027-02-12: real-name tickets, so ID numbers.</summary>
    public static readonly ReturnTripDetails DongguanTrain = Guangzhou with
    {
        Mode = TripMode.Train,
        DestinationCity = "东莞",
        DepartsOn = new DateOnly(2027, 2, 12),
        Seats = 500,
    };

    public static async Task<ReturnTrip> PlanAsync(PingtangDb db, ReturnTripDetails details)
    {
        ArgumentNullException.ThrowIfNull(db);
        var trip = ReturnTrip.Plan(details, Training.TrainingData.Today);
        db.ReturnTrips.Add(trip);
        await db.SaveChangesAsync();
        return trip;
    }

    public static TravellerDetails Traveller(string name, string mobile, string? idNumber = null) => new() { Name = name, Mobile = mobile, IdNumber = idNumber };
}
