using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Hosting.State;
using Pingtang.Bot.Menu;
using Pingtang.Bot.ReturnTrips;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Tests.ReturnTrips;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.ReturnTrips;

/// <summary>返岗报名 and 我的返岗 as workers type them, on 2026-11-29, for the bus to 广州 and the train to 东莞 of TripData.</summary>
public sealed class ReturnTripDialogTests : IDisposable
{
    private const string GuangzhouBus = "2月11日（正月初六）07:30 返岗专车 → 广州";

    private const string IdNumber = "522727199001011231";

    private readonly RecordingChannel _channel = new();
    private readonly LogRecorder _log = new();
    private readonly PingtangFactory _factory;

    public ReturnTripDialogTests() => _factory = new PingtangFactory(
        clock: new FakeTimeProvider(TestClock.Now),
        services: s => s.AddSingleton<IProactiveChannel>(_channel).AddSingleton<ILoggerProvider>(_log));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_new_worker_signs_up_with_family_giving_names_and_phones_and_sees_it_in_my_trips()
    {
        await Trips.PlanAsync(_factory, TripData.Guangzhou);
        await Trips.PlanAsync(_factory, TripData.DongguanTrain);

        await Conversation.Start(_factory)
            .Send("返岗报名").Expect(ReturnTripTexts.AskCity, "1. 广州", "2. 东莞", "3. 我的返岗")
            .Send("广州").Expect(DialogTexts.Format(ReturnTripTexts.AskTrip, "广州"), $"1. {GuangzhouBus} · 剩3座")
            .Send("1").Expect(ReturnTripTexts.AskPickup, "1. 克度镇 克度镇政府门口 06:30", "2. 平湖街道 县客运站 07:30")
            .Send("1").Expect(ReturnTripTexts.AskWho, "1. 自己报名（可带家人）", "2. 帮老乡报名（劳务带头人）")
            .Send("自己").Expect(ReturnTripTexts.AskCountSelf)
            .Send("十一").Expect(ReturnTripTexts.BadCount)
            .Send("两").Expect(DialogTexts.Format(ReturnTripTexts.AskName, 1))
            .Send("王师傅").Expect(DialogTexts.Format(ReturnTripTexts.AskMobile, "王师傅"))
            .Send("138 1234 5678").Expect(DialogTexts.Format(ReturnTripTexts.AskName, 2))
            .Send("王嫂").Expect(DialogTexts.Format(ReturnTripTexts.AskMobile, "王嫂"))
            .Send("13812345678").Expect(ReturnTripTexts.MobileTwice)
            .Expect(DialogTexts.Format(ReturnTripTexts.AskMobile, "王嫂"))
            .Send("13812345679").Expect($"【{GuangzhouBus}】", "上车点：克度镇 克度镇政府门口 06:30", "1. 王师傅 13812345678", "2. 王嫂 13812345679", ReturnTripTexts.Confirm)
            .Send("是").Expect("报名成功！确认码：", "上车点：克度镇 克度镇政府门口 06:30", "车长：罗师傅 13985400001", "「我的返岗」")
            .Expect(MenuTexts.AnythingElse)
            .Send("我的返岗").Expect(ReturnTripTexts.PickBooking, $"1. {GuangzhouBus} · 克度镇 克度镇政府门口 06:30 · 2人 · 已确认（确认码")
            .Send("菜单").Expect(MenuTexts.Choose)
            .StartTestAsync();

        var worker = await Trips.ReadAsync(_factory, db => db.Workers.SingleAsync());
        Assert.Equal(("王师傅", "13812345678"), (worker.Name, worker.Mobile));
        var booking = Assert.Single(await Trips.BookingsAsync(_factory));
        Assert.Equal((BookingStatus.Confirmed, 2, false), (booking.Status, booking.SeatCount, booking.ByLeader));
        Assert.Equal([worker.Id, null], booking.Travellers.Select(t => t.WorkerId));
    }

    [Fact]
    public async Task The_pickup_point_of_the_worker_s_own_township_comes_first_and_their_name_and_phone_are_offered()
    {
        await Trips.PlanAsync(_factory, TripData.Guangzhou);
        await Conversation.Start(_factory).Send("你好").StartTestAsync();
        await WorkerProfiles.SetAsync(_factory, "worker-1", WorkerProfile.Empty with { Name = "李姐", Mobile = "13912345678", HomeTownship = "平湖街道" });

        await Conversation.Start(_factory)
            .Send("4").Expect(ReturnTripTexts.AskCity)
            .Send("1").Expect(GuangzhouBus)
            .Send("1").Expect("1. 平湖街道 县客运站 07:30", "2. 克度镇 克度镇政府门口 06:30")
            .Send("1").Expect(ReturnTripTexts.AskWho)
            .Send("1").Expect(ReturnTripTexts.AskCountSelf)
            .Send("1").AssertReply(reply => Assert.Equal(["李姐"], Buttons(reply)))
            .Send("李姐").AssertReply(reply => Assert.Equal(["13912345678"], Buttons(reply)))
            .Send("13912345678").Expect("上车点：平湖街道 县客运站 07:30", "1. 李姐 13912345678")
            .Send("否").Expect(ReturnTripTexts.NotSignedUp)
            .StartTestAsync();

        Assert.Empty(await Trips.BookingsAsync(_factory));
    }

    [Fact]
    public async Task A_train_offers_the_profile_s_phone_but_not_its_称呼_for_a_real_name_ticket()
    {
        await Trips.PlanAsync(_factory, TripData.DongguanTrain);
        await Conversation.Start(_factory).Send("你好").StartTestAsync();
        await WorkerProfiles.SetAsync(_factory, "worker-1", WorkerProfile.Empty with { Name = "李姐", Mobile = "13912345678" });

        await SignUpFromMenu("worker-1", "专列 → 东莞")
            .Send("1").AssertReply(reply =>
            {
                Assert.Equal(DialogTexts.Format(ReturnTripTexts.AskRealName, 1), ((IMessageActivity)reply).Text);
                Assert.Empty(Buttons(reply));
            })
            .Send("李小红").AssertReply(reply => Assert.Equal(["13912345678"], Buttons(reply)))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_full_departure_says_so_and_the_worker_goes_on_the_waiting_list()
    {
        var trip = await Trips.PlanAsync(_factory, TripData.Guangzhou with { Seats = 1 });
        await Conversation.Start(_factory, "first").Send("你好").StartTestAsync();
        Assert.IsType<TripSignUpResult.Confirmed>(await Trips.SignUpAsync(_factory, "first", trip, "张哥", "13700000001"));

        await SignUpFromMenu("worker-1", "已满，可候补")
            .Send("1").Expect(DialogTexts.Format(ReturnTripTexts.AskName, 1))
            .Send("王师傅").Expect("王师傅的手机号")
            .Send("13812345678").Expect("这一班已满，报名后排候补。", ReturnTripTexts.Confirm)
            .Send("好").Expect("座位已满，已为您排上候补，第1位，确认码：").Expect(MenuTexts.AnythingElse)
            .Send("我的返岗").Expect("1人 · 候补第1位")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_train_asks_each_ID_number_again_when_wrong_shows_it_masked_and_keeps_it_only_encrypted()
    {
        await Trips.PlanAsync(_factory, TripData.DongguanTrain);

        await SignUpFromMenu("worker-1", "专列 → 东莞")
            .Send("1").Expect(DialogTexts.Format(ReturnTripTexts.AskRealName, 1))
            .Send("王小明").Expect("王小明的手机号")
            .Send("13812345678").Expect(DialogTexts.Format(ReturnTripTexts.AskIdNumber, "王小明"))
            .Send("522727199001011232").Expect("身份证号有一位不对（校验不通过），请核对后重新输入", DialogTexts.Format(ReturnTripTexts.AskIdNumber, "王小明"))
            .Send("5227271990").Expect("身份证号应为18位数字")
            .Send("5227 2719 9001 0112 31").AssertReply(reply =>
            {
                Assert.Contains("1. 王小明 13812345678 身份证5227**********1231", ((IMessageActivity)reply).Text, StringComparison.Ordinal);
                Assert.DoesNotContain("19900101", ((IMessageActivity)reply).Text, StringComparison.Ordinal);
            })
            .Send("是").Expect("报名成功！确认码：")
            .StartTestAsync();

        var traveller = Assert.Single(Assert.Single(await Trips.BookingsAsync(_factory)).Travellers);
        Assert.Equal("5227**********1231", traveller.IdNumberMasked);
        Assert.Equal(IdNumber, traveller.RevealIdNumber(_factory.Services.GetRequiredService<IIdNumberProtector>()));
        Assert.DoesNotContain(IdNumber, traveller.IdNumberCiphertext!, StringComparison.Ordinal);
        await using var botDb = await _factory.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        Assert.DoesNotContain(await botDb.Set<StoredState>().Select(s => s.Json).ToListAsync(), json => json.Contains("199001011", StringComparison.Ordinal));
        Assert.NotEmpty(_log.Entries);
        Assert.DoesNotContain(_log.Entries, e => e.Written.Contains("199001011", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_leader_signs_up_two_neighbours_and_the_one_with_a_chat_is_linked_to_it()
    {
        await Trips.PlanAsync(_factory, TripData.Guangzhou);
        await Conversation.Start(_factory, "neighbour").Send("你好").StartTestAsync();
        await WorkerProfiles.SetAsync(_factory, "neighbour", WorkerProfile.Empty with { Name = "邻居甲", Mobile = "13800000002" });

        await SignUpFromMenu("leader", "剩3座", who: "帮老乡报名", count: ReturnTripTexts.AskCountLeader)
            .Send("2").AssertReply(reply => Assert.Empty(Buttons(reply)))
            .Send("邻居甲").Expect("邻居甲的手机号")
            .Send("13800000002").Expect(DialogTexts.Format(ReturnTripTexts.AskName, 2))
            .Send("邻居乙").Expect("邻居乙的手机号")
            .Send("13800000003").Expect("1. 邻居甲 13800000002", "2. 邻居乙 13800000003")
            .Send("是").Expect("报名成功")
            .StartTestAsync();

        var booking = Assert.Single(await Trips.BookingsAsync(_factory));
        Assert.True(booking.ByLeader);
        Assert.Equal(await WorkerProfiles.WorkerIdAsync(_factory, "leader"), booking.WorkerId);
        Assert.Equal([await WorkerProfiles.WorkerIdAsync(_factory, "neighbour"), null], booking.Travellers.Select(t => t.WorkerId));
        var leader = await Trips.ReadAsync(_factory, db => db.Workers.SingleAsync(w => w.Id == booking.WorkerId));
        Assert.Null(leader.Name);
    }

    [Fact]
    public async Task My_trips_moves_the_booking_to_another_pickup_point()
    {
        var trip = await Trips.PlanAsync(_factory, TripData.Guangzhou);
        await Conversation.Start(_factory).Send("你好").StartTestAsync();
        await Trips.SignUpAsync(_factory, "worker-1", trip, "王师傅", "13812345678");

        await Conversation.Start(_factory)
            .Send("我的专车").Expect(ReturnTripTexts.PickBooking, "克度镇 克度镇政府门口 06:30 · 1人 · 已确认")
            .Send("1").Expect(DialogTexts.Format(ReturnTripTexts.AskChange, GuangzhouBus), "1. 改上车点", "2. 取消报名")
            .Send("改上车点").Expect(ReturnTripTexts.AskNewPickup, "1. 平湖街道 县客运站 07:30")
            .Send("1").Expect(DialogTexts.Format(ReturnTripTexts.PickupChanged, "平湖街道 县客运站 07:30")).Expect(MenuTexts.AnythingElse)
            .Send("我的返岗").Expect("平湖街道 县客运站 07:30 · 1人 · 已确认")
            .StartTestAsync();

        Assert.Equal("县客运站", Assert.Single(await Trips.BookingsAsync(_factory)).PickupPoint!.Place);
    }

    [Fact]
    public async Task Cancelling_after_a_yes_frees_the_seat_and_the_first_waiting_is_told()
    {
        var trip = await Trips.PlanAsync(_factory, TripData.Guangzhou with { Seats = 1 });
        foreach (var (user, mobile) in new[] { ("worker-1", "13812345678"), ("worker-2", "13812345679"), ("worker-3", "13812345670") })
        {
            await Conversation.Start(_factory, user).Send("你好").StartTestAsync();
            await Trips.SignUpAsync(_factory, user, trip, user, mobile);
        }

        await Conversation.Start(_factory)
            .Send("我的返岗").Expect("已确认")
            .Send("1").Expect("要怎么改")
            .Send("2").Expect(DialogTexts.Format(ReturnTripTexts.ConfirmCancel, GuangzhouBus))
            .Send("不").Expect(ReturnTripTexts.Kept).Expect(MenuTexts.AnythingElse)
            .Send("我的返岗").Expect("已确认")
            .Send("1").Expect("要怎么改")
            .Send("取消报名").Expect("确定取消")
            .Send("是").Expect(ReturnTripTexts.Cancelled).Expect(MenuTexts.AnythingElse)
            .Send("我的返岗").Expect(ReturnTripTexts.NoBookings)
            .StartTestAsync();
        await _factory.SendDueAsync();

        Assert.StartsWith($"【返岗候补成功】您候补的 {GuangzhouBus} 有座位了", Assert.Single(_channel.Texts), StringComparison.Ordinal);
        await Conversation.Start(_factory, "worker-2").Send("我的返岗").Expect("1人 · 已确认").StartTestAsync();
        await Conversation.Start(_factory, "worker-3").Send("我的返岗").Expect("1人 · 候补第1位").StartTestAsync();
    }

    [Fact]
    public async Task Cancel_and_menu_leave_the_sign_up_at_any_step()
    {
        await Trips.PlanAsync(_factory, TripData.Guangzhou);

        await SignUpFromMenu("worker-1", "剩3座")
            .Send("取消").Expect(MenuTexts.Cancelled)
            .Send("返岗报名").Expect(ReturnTripTexts.AskCity)
            .Send("1").Expect(GuangzhouBus)
            .Send("菜单").Expect(MenuTexts.Choose)
            .StartTestAsync();

        Assert.Empty(await Trips.BookingsAsync(_factory));
    }

    [Fact]
    public async Task Without_open_departures_the_worker_is_told_so()
    {
        await Trips.PlanAsync(_factory, TripData.Guangzhou with { SignUpBy = new DateOnly(2026, 11, 28), DepartsOn = new DateOnly(2026, 12, 20) });

        await Conversation.Start(_factory)
            .Send("返岗报名").Expect(ReturnTripTexts.NoDepartures)
            .Expect(MenuTexts.AnythingElse)
            .StartTestAsync();
    }

    /// <summary>From the menu to the question after the count (one traveller), on the first departure to the first city.</summary>
    private TestFlow SignUpFromMenu(string userId, string tripLine, string who = "自己报名", string count = ReturnTripTexts.AskCountSelf)
    {
        var flow = Conversation.Start(_factory, userId)
            .Send("返岗报名").Expect(ReturnTripTexts.AskCity)
            .Send("1").Expect(tripLine)
            .Send("1").Expect(ReturnTripTexts.AskPickup)
            .Send("1").Expect(ReturnTripTexts.AskWho)
            .Send(who).Expect(count);
        return flow;
    }

    private static List<string> Buttons(IActivity reply) =>
        [.. ((IMessageActivity)reply).SuggestedActions?.Actions.Select(a => a.Title) ?? []];
}
