using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Townships;
using Pingtang.Domain.Training;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Workers;

public sealed class WorkerProfileTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    private static readonly WorkerProfile Valid = new("王师傅", "13812345678", 1978, "掌布镇", "东莞", ["电工"], true);

    [Fact]
    public void Valid_profile_has_no_problem() => Assert.Null(Valid.Validate(Now));

    [Fact]
    public void Empty_profile_is_allowed_because_nothing_is_compulsory() => Assert.Null(WorkerProfile.Empty.Validate(Now));

    public static TheoryData<WorkerProfile, string> Broken => new()
    {
        { Valid with { Name = " " }, "称呼" },
        { Valid with { Name = new string('王', 21) }, "称呼" },
        { Valid with { Mobile = "1381234567" }, "手机号" },
        { Valid with { Mobile = "23812345678" }, "手机号" },
        { Valid with { BirthYear = 1940 }, "出生年份" },
        { Valid with { BirthYear = 2015 }, "出生年份" },
        { Valid with { HomeTownship = "都匀市" }, "户籍乡镇" },
        { Valid with { CurrentCity = new string('东', 31) }, "所在城市" },
        { Valid with { Trades = ["宇航员"] }, "工种" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Broken_rule_is_named_in_words_staff_can_read(WorkerProfile profile, string field) =>
        Assert.Contains(field, profile.Validate(Now), StringComparison.Ordinal);

    [Fact]
    public void Invalid_update_changes_nothing()
    {
        var worker = Worker.Register(Now);
        worker.UpdateProfile(Valid, Now);

        Assert.Throws<DomainException>(() => worker.UpdateProfile(Valid with { Name = "李姐", Mobile = "123" }, Now.AddDays(1)));

        Assert.Equal("王师傅", worker.Name);
        Assert.Equal(Now, worker.ProfileUpdatedAt);
    }

    [Fact]
    public void Stopping_reminders_keeps_the_rest_of_the_profile()
    {
        var worker = Worker.Register(Now);
        worker.UpdateProfile(Valid, Now);

        worker.SetReminders(false);

        Assert.False(worker.AcceptsReminders);
        Assert.Equal(Valid with { AcceptsReminders = false, Trades = worker.Trades }, worker.Profile with { Trades = worker.Trades });
    }

    [Fact]
    public async Task Migrations_seed_the_county_reference_data()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new PingtangDb(new DbContextOptionsBuilder<PingtangDb>().UseSqlite(connection).Options);
        await db.Database.MigrateAsync();

        Assert.Equal(Township.Names, await db.Townships.OrderBy(t => t.Id).Select(t => t.Name).ToListAsync());
        Assert.Equal(
            [Station.CountyCentre, Station.GuangzhouBaiyun, Station.DongguanDalang],
            await db.Stations.OrderBy(s => s.Id).Select(s => s.Name).ToListAsync());
        Assert.Equal(Course.Catalogue, await db.Courses.OrderBy(c => c.Id).Select(c => c.Name).ToListAsync());
    }

    [Fact]
    public async Task Worker_profile_round_trips_through_the_database()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<PingtangDb>().UseSqlite(connection).Options;
        await using (var db = new PingtangDb(options))
        {
            await db.Database.MigrateAsync();
            var registry = new WorkerRegistry(db, TimeProvider.System);
            var worker = await registry.RegisterAsync(default);
            await registry.SaveProfileAsync(worker.Id, Valid with { Trades = ["电工", "焊工"] }, default);
        }

        await using (var db = new PingtangDb(options))
        {
            var worker = await db.Workers.SingleAsync();
            Assert.Equal(["电工", "焊工"], worker.Trades);
            Assert.Equal("13812345678", worker.Mobile);
        }
    }
}
