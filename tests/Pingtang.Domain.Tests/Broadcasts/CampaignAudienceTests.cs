using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Broadcasts;

/// <summary>Who a campaign is for, on the real schema, in 2026 (China time).</summary>
public sealed class CampaignAudienceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly Dictionary<string, int> _workers = [];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.Open();
        async Task Add(string name, string? township, string? city, int? born, params string[] trades) =>
            _workers[name] = await BroadcastData.WorkerAsync(db, _database.Clock, township, city, born, trades, consents: name != "不同意");
        await Add("掌布东莞电工36岁", "掌布镇", "广东东莞", 1990, "电工");
        await Add("掌布广州焊工56岁", "掌布镇", "广东省广州市", 1970, "焊工", "电工");
        await Add("通州杭州普工26岁", "通州镇", "浙江杭州", 2000, "普工");
        await Add("不同意", "通州镇", "广东东莞", 1985, "普工");
        await Add("什么都没填", null, null, null);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public static TheoryData<Audience, string[]> Audiences => new()
    {
        { Audience.Everyone, ["掌布东莞电工36岁", "掌布广州焊工56岁", "通州杭州普工26岁", "不同意", "什么都没填"] },
        { Audience.Everyone with { Townships = ["掌布镇"] }, ["掌布东莞电工36岁", "掌布广州焊工56岁"] },
        { Audience.Everyone with { Places = ["广东"] }, ["掌布东莞电工36岁", "掌布广州焊工56岁", "不同意"] },
        { Audience.Everyone with { Places = ["东莞", "杭州"] }, ["掌布东莞电工36岁", "通州杭州普工26岁", "不同意"] },
        { Audience.Everyone with { Trades = ["电工"] }, ["掌布东莞电工36岁", "掌布广州焊工56岁"] },
        { Audience.Everyone with { MinAge = 45 }, ["掌布广州焊工56岁"] },
        { Audience.Everyone with { MaxAge = 36 }, ["掌布东莞电工36岁", "通州杭州普工26岁"] },
        { Audience.Everyone with { MinAge = 26, MaxAge = 26 }, ["通州杭州普工26岁"] },
        { Audience.Everyone with { Townships = ["通州镇"], Places = ["东莞"], Trades = ["普工"] }, ["不同意"] },
        { Audience.Everyone with { Townships = ["甲茶镇"] }, [] },
    };

    [Theory]
    [MemberData(nameof(Audiences))]
    public async Task Every_criterion_given_must_hold_and_any_value_of_one_does(Audience audience, string[] expected)
    {
        await using var db = _database.Open();

        var ids = CampaignAudience.Workers(db, audience, new DateOnly(2026, 11, 29)).Select(w => w.Id).ToHashSet();

        Assert.Equal(expected.Order(), _workers.Where(w => ids.Contains(w.Value)).Select(w => w.Key).Order());
    }

    [Fact]
    public async Task The_size_says_how_many_of_the_audience_consent_and_how_many_of_those_a_channel_reaches()
    {
        await using var db = _database.Open();
        await BroadcastData.AddressAsync(db, _workers["掌布东莞电工36岁"], "wechat");
        await BroadcastData.AddressAsync(db, _workers["不同意"], "wechat");
        await BroadcastData.AddressAsync(db, _workers["通州杭州普工26岁"], "directline");

        Assert.Equal(new AudienceSize(5, 4, 2), await CampaignAudience.SizeAsync(db, Audience.Everyone, new DateOnly(2026, 11, 29), default));
        Assert.Equal(new AudienceSize(2, 1, 1), await CampaignAudience.SizeAsync(db, Audience.Everyone with { ChannelId = "wechat" }, new DateOnly(2026, 11, 29), default));
    }

    [Fact]
    public void Criteria_that_cannot_be_met_are_refused_in_words_for_staff()
    {
        Assert.Equal("「广州」不是平塘县的乡镇", (Audience.Everyone with { Townships = ["广州"] }).Validate());
        Assert.Equal("工种「程序员」不在列表中", (Audience.Everyone with { Trades = ["程序员"] }).Validate());
        Assert.Equal("年龄下限不能大于上限", (Audience.Everyone with { MinAge = 50, MaxAge = 40 }).Validate());
        Assert.Equal($"年龄应在{WorkerProfile.YoungestAge}到{WorkerProfile.OldestAge}之间", (Audience.Everyone with { MaxAge = 90 }).Validate());
        Assert.Null((Audience.Everyone with { Townships = ["掌布镇"], Places = ["东莞"], Trades = ["电工"], MinAge = 18, MaxAge = 60 }).Validate());
    }

    [Fact]
    public async Task Signed_up_for_a_trip_means_a_live_booking_of_a_departure_not_gone_as_booker_or_as_a_traveller_with_a_chat()
    {
        await using (var db = _database.Open())
        {
            var trip = await ReturnTrips.TripData.PlanAsync(db, ReturnTrips.TripData.Guangzhou with { Seats = 30 });
            var bookings = new Domain.ReturnTrips.TripBookings(db, _database.Clock, new Workers.AesIdNumberProtector());
            await new WorkerRegistry(db, _database.Clock).SaveProfileAsync(_workers["通州杭州普工26岁"], WorkerProfile.Empty with { Mobile = "13800000009", HomeTownship = "通州镇", CurrentCity = "浙江杭州", BirthYear = 2000, Trades = ["普工"], AcceptsReminders = true }, default);
            var leader = new Domain.ReturnTrips.TripSignUp(_workers["掌布东莞电工36岁"], trip.Id, trip.PickupPoints[0].Id, [ReturnTrips.TripData.Traveller("邻居", "13800000009")], ByLeader: true);
            Assert.IsType<Domain.ReturnTrips.TripSignUpResult.Confirmed>(await bookings.SignUpAsync(leader, default));
            var cancelled = new Domain.ReturnTrips.TripSignUp(_workers["不同意"], trip.Id, trip.PickupPoints[0].Id, [ReturnTrips.TripData.Traveller("本人", "13800000008")]);
            var booking = (Domain.ReturnTrips.TripSignUpResult.Confirmed)await bookings.SignUpAsync(cancelled, default);
            await bookings.CancelAsync(_workers["不同意"], booking.BookingId, default);
        }

        await using var check = _database.Open();
        string[] Names(TripFilter trip, DateOnly today)
        {
            var ids = CampaignAudience.Workers(check, Audience.Everyone with { Trip = trip }, today).Select(w => w.Id).ToHashSet();
            return [.. _workers.Where(w => ids.Contains(w.Value)).Select(w => w.Key).Order()];
        }

        Assert.Equal(["掌布东莞电工36岁", "通州杭州普工26岁"], Names(TripFilter.SignedUp, new DateOnly(2026, 11, 29)));
        Assert.Equal(["不同意", "什么都没填", "掌布广州焊工56岁"], Names(TripFilter.NotSignedUp, new DateOnly(2026, 11, 29)));
        // After the departure day, last season's booking no longer counts.
        Assert.Empty(Names(TripFilter.SignedUp, new DateOnly(2027, 2, 12)));
    }
}
