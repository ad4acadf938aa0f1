using Pingtang.Domain.Complaints;
using Pingtang.Domain.Stations;

namespace Pingtang.Domain.Tests.Complaints;

public sealed class ComplaintRoutingTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("广州市白云区太和镇 工地", Station.GuangzhouBaiyun)]
    [InlineData("白云区", Station.GuangzhouBaiyun)]
    [InlineData("广州番禺", Station.GuangzhouBaiyun)]
    [InlineData("东莞大朗", Station.DongguanDalang)]
    [InlineData("大朗镇毛织厂", Station.DongguanDalang)]
    [InlineData("深圳龙华", Station.CountyCentre)]
    [InlineData("平塘县城", Station.CountyCentre)]
    [InlineData("", Station.CountyCentre)]
    [InlineData(null, Station.CountyCentre)]
    public async Task A_complaint_goes_to_the_station_of_where_the_work_is(string? place, string station)
    {
        await using var db = _database.Open();

        Assert.Equal(station, (await new ComplaintRouting(db).StationForAsync(place, default)).Name);
    }

    [Fact]
    public async Task A_line_staff_add_routes_from_then_on_and_the_longer_place_wins()
    {
        await using (var db = _database.Open())
        {
            var county = db.Stations.Single(s => s.Name == Station.CountyCentre);
            db.ComplaintRoutes.Add(new ComplaintRoute { Place = "广州从化", StationId = county.Id });
            await db.SaveChangesAsync();
        }

        await using var read = _database.Open();
        var routing = new ComplaintRouting(read);

        Assert.Equal(Station.CountyCentre, (await routing.StationForAsync("广州从化区", default)).Name);
        Assert.Equal(Station.GuangzhouBaiyun, (await routing.StationForAsync("广州天河", default)).Name);
    }
}
