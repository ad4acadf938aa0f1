using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using Pingtang.Bot.ReturnTrips;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Tests.ReturnTrips;

namespace Pingtang.Bot.Tests.ReturnTrips;

/// <summary>返岗专车 in the console through the real host, signed in as the county's admin.</summary>
public sealed class TripStaffTests : IDisposable
{
    private const string Password = "test-admin-password";

    private readonly FakeTimeProvider _clock = new(TestClock.Now);

    private readonly PingtangFactory _factory;

    public TripStaffTests() => _factory = new PingtangFactory(new Dictionary<string, string?>(), _clock);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Admin_creates_a_departure_after_a_refused_form_and_sees_it_listed()
    {
        using var admin = await StaffClient.SignInAsync(_factory, Password);
        var form = Trips.Form(TripData.Guangzhou with { Seats = 45 });
        form["time1"] = "08:10";

        using var refused = await admin.PostFormAsync($"{TripStaffEndpoints.Path}/new", form, from: $"{TripStaffEndpoints.Path}/new");
        var refusedPage = await refused.Content.ReadAsStringAsync();
        form["time1"] = "07:30";
        form["station"] = "2";
        using var created = await admin.PostFormAsync($"{TripStaffEndpoints.Path}/new", form, from: $"{TripStaffEndpoints.Path}/new");
        var list = await admin.GetStringAsync(TripStaffEndpoints.Path);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("平湖街道的上车时间 08:10 晚于发车时间 07:30", refusedPage, StringComparison.Ordinal);
        Assert.Contains("value=\"县客运站\"", refusedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var trip = await Trips.ReadAsync(_factory, db => db.ReturnTrips.Include(t => t.PickupPoints).SingleAsync());
        Assert.Equal((2, 45, 2), (trip.StationId, trip.Seats, trip.PickupPoints.Count));
        Assert.Contains("2027-02-11 07:30</a>", list, StringComparison.Ordinal);
        Assert.Contains("<td>返岗专车</td><td>广州</td><td>广州市白云区劳务协作站</td>", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incomplete_pickup_row_or_fewer_seats_than_confirmed_is_refused_in_chinese_and_nothing_is_saved()
    {
        var trip = await Trips.PlanAsync(_factory, TripData.Guangzhou);
        await Trips.SignUpAsync(_factory, trip.Id, Trips.Traveller("王师傅", "13800000001"), Trips.Traveller("王嫂", "13800000002"));
        using var admin = await StaffClient.SignInAsync(_factory, Password);
        var path = $"{TripStaffEndpoints.Path}/{trip.Id}";

        var halfRow = Trips.Form(TripData.Guangzhou with { DestinationCity = "广州白云" });
        halfRow["township2"] = "掌布镇";
        using var incomplete = await admin.PostFormAsync(path, halfRow, from: path);
        using var tooFew = await admin.PostFormAsync(path, Trips.Form(TripData.Guangzhou with { DestinationCity = "广州白云", Seats = 1 }), from: path);
        using var removesInUse = await admin.PostFormAsync(path, Trips.Form(TripData.Guangzhou with { DestinationCity = "广州白云", PickupPoints = [TripData.Guangzhou.PickupPoints[1]] }), from: path);

        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("第3个上车点：乡镇、上车地点、上车时间都要填", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("已有2个座位报名确认，座位数不能少于2", await tooFew.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("上车点「克度镇 克度镇政府门口」已有人报名，不能删除", await removesInUse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await Trips.ReadAsync(_factory, db => db.ReturnTrips.Include(t => t.PickupPoints).SingleAsync());
        Assert.Equal(("广州", 3, 2), (saved.DestinationCity, saved.Seats, saved.PickupPoints.Count));
    }

    [Fact]
    public async Task Editing_a_departure_keeps_its_points_moves_their_times_and_adds_new_ones()
    {
        var trip = await Trips.PlanAsync(_factory, TripData.Guangzhou);
        using var admin = await StaffClient.SignInAsync(_factory, Password);
        var form = Trips.Form(TripData.Guangzhou);
        form["time0"] = "06:15";
        form["township2"] = "掌布镇";
        form["place2"] = "掌布镇政府门口";
        form["time2"] = "06:50";

        using var saved = await admin.PostFormAsync($"{TripStaffEndpoints.Path}/{trip.Id}", form, from: TripStaffEndpoints.Path);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var points = await Trips.ReadAsync(_factory, db => db.Set<PickupPoint>().OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.Township}:{p.Time:HH\\:mm}").ToListAsync());
        Assert.Equal([$"{trip.PickupPoints[0].Id}:克度镇:06:15", $"{trip.PickupPoints[1].Id}:平湖街道:07:30", $"{trip.PickupPoints[1].Id + 1}:掌布镇:06:50"], points);
    }

    [Fact]
    public async Task Moving_a_pickup_time_tells_those_booked_there_and_a_change_of_notes_tells_nobody()
    {
        var trip = await Trips.PlanAsync(_factory, TripData.Guangzhou);
        await Trips.SignUpAsync(_factory, trip.Id, 0, false, Trips.Traveller("王师傅", "13800000001"));
        await Trips.SignUpAsync(_factory, trip.Id, 1, false, Trips.Traveller("李大姐", "13800000002"));
        using var admin = await StaffClient.SignInAsync(_factory, Password);

        using (var notes = await admin.PostFormAsync($"{TripStaffEndpoints.Path}/{trip.Id}", Trips.Form(TripData.Guangzhou with { Notes = "带好身份证" }), from: TripStaffEndpoints.Path))
        {
            Assert.Equal(HttpStatusCode.Redirect, notes.StatusCode);
        }

        Assert.Empty(await Trips.ReadAsync(_factory, db => db.Outbox.ToListAsync()));
        var form = Trips.Form(TripData.Guangzhou);
        form["time0"] = "06:00";
        using var moved = await admin.PostFormAsync($"{TripStaffEndpoints.Path}/{trip.Id}", form, from: TripStaffEndpoints.Path);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var notice = Assert.Single(await Trips.ReadAsync(_factory, db => db.Outbox.ToListAsync()));
        var kedu = await Trips.ReadAsync(_factory, db => db.TripBookings.Where(b => b.PickupPointId == trip.PickupPoints[0].Id).Select(b => b.WorkerId).SingleAsync());
        Assert.Equal((kedu, TripNotices.MovedKind, MessagePurpose.Practical), (notice.WorkerId, notice.Kind, notice.Purpose));
        Assert.Contains("上车点：克度镇 克度镇政府门口 06:00", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raising_the_seats_gives_them_to_those_waiting_in_order_and_tells_them()
    {
        var trip = await Trips.PlanAsync(_factory, TripData.Guangzhou with { Seats = 1 });
        await Trips.SignUpAsync(_factory, trip.Id, Trips.Traveller("王师傅", "13800000001"));
        await Trips.SignUpAsync(_factory, trip.Id, Trips.Traveller("李大姐", "13800000002"));
        await Trips.SignUpAsync(_factory, trip.Id, Trips.Traveller("张哥", "13800000003"));
        using var admin = await StaffClient.SignInAsync(_factory, Password);

        using var saved = await admin.PostFormAsync($"{TripStaffEndpoints.Path}/{trip.Id}", Trips.Form(TripData.Guangzhou with { Seats = 2 }), from: TripStaffEndpoints.Path);
        var page = await admin.GetStringAsync(saved.Headers.Location!.OriginalString);

        Assert.Equal($"{TripStaffEndpoints.Path}/{trip.Id}?promoted=1", saved.Headers.Location.OriginalString);
        Assert.Contains("1 位候补的报名人有了座位", page, StringComparison.Ordinal);
        var notices = await Trips.ReadAsync(_factory, db => db.Outbox.Select(m => new { m.Kind, m.Purpose, m.Text }).ToListAsync());
        var notice = Assert.Single(notices);
        Assert.Equal((TripNotices.PromotedKind, MessagePurpose.Practical), (notice.Kind, notice.Purpose));
        var statuses = await Trips.ReadAsync(_factory, db => db.TripBookings.OrderBy(b => b.Id).Select(b => b.Status).ToListAsync());
        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Confirmed, BookingStatus.Waiting], statuses);
        Assert.Equal(2, await Trips.ReadAsync(_factory, db => db.ReturnTrips.Select(t => t.SeatsTaken).SingleAsync()));
    }

    [Fact]
    public async Task Cancelling_ends_every_booking_frees_the_seats_and_queues_one_practical_notice_per_booking()
    {
        var trip = await Trips.PlanAsync(_factory, TripData.Guangzhou);
        await Trips.SignUpAsync(_factory, trip.Id, Trips.Traveller("王师傅", "13800000001"), Trips.Traveller("王嫂", "13800000002"));
        await Trips.SignUpAsync(_factory, trip.Id, Trips.Traveller("李大姐", "13800000003"));
        await Trips.SignUpAsync(_factory, trip.Id, Trips.Traveller("张哥", "13800000004"));
        using var admin = await StaffClient.SignInAsync(_factory, Password);

        using var cancelled = await admin.PostFormAsync($"{TripStaffEndpoints.Path}/{trip.Id}/cancel", from: TripStaffEndpoints.Path);
        using var again = await admin.PostFormAsync($"{TripStaffEndpoints.Path}/{trip.Id}/cancel", from: TripStaffEndpoints.Path);

        Assert.Equal($"{TripStaffEndpoints.Path}/{trip.Id}?told=3", cancelled.Headers.Location!.OriginalString);
        Assert.Equal($"{TripStaffEndpoints.Path}/{trip.Id}?told=0", again.Headers.Location!.OriginalString);
        var notices = await Trips.ReadAsync(_factory, db => db.Outbox.OrderBy(m => m.Id).Select(m => new { m.WorkerId, m.Kind, m.Purpose, m.Text }).ToListAsync());
        Assert.Equal(3, notices.Select(n => n.WorkerId).Distinct().Count());
        Assert.All(notices, n => Assert.Equal((TripNotices.CancelledKind, MessagePurpose.Practical), (n.Kind, n.Purpose)));
        Assert.All(notices, n => Assert.StartsWith("【返岗班次取消】很抱歉，2月11日（正月初六）07:30 返岗专车 → 广州 已取消", n.Text, StringComparison.Ordinal));
        var saved = await Trips.ReadAsync(_factory, db => db.ReturnTrips.SingleAsync());
        Assert.Equal((true, 0), (saved.IsCancelled, saved.SeatsTaken));
        Assert.All(await Trips.ReadAsync(_factory, db => db.TripBookings.Select(b => b.Status).ToListAsync()), s => Assert.Equal(BookingStatus.Cancelled, s));
    }

    [Fact]
    public async Task The_passenger_list_groups_by_pickup_point_marks_a_leaders_group_and_lists_the_waiting_in_order()
    {
        var trip = await Trips.PlanAsync(_factory, TripData.Guangzhou with { Seats = 3 });
        await Trips.SignUpAsync(_factory, trip.Id, 1, false, Trips.Traveller("王师傅", "13800000001"));
        await Trips.SignUpAsync(_factory, trip.Id, 0, true, Trips.Traveller("邻居甲", "13800000002"), Trips.Traveller("邻居乙", "13800000003"));
        await Trips.SignUpAsync(_factory, trip.Id, 0, false, Trips.Traveller("候补一", "13800000004"));
        await Trips.SignUpAsync(_factory, trip.Id, 1, false, Trips.Traveller("候补二", "13800000005"));
        using var admin = await StaffClient.SignInAsync(_factory, Password);

        var page = await admin.GetStringAsync($"{TripStaffEndpoints.Path}/{trip.Id}");

        var keDu = page.IndexOf("<h3>克度镇 克度镇政府门口 06:30（2 人）</h3>", StringComparison.Ordinal);
        var pingHu = page.IndexOf("<h3>平湖街道 县客运站 07:30（1 人）</h3>", StringComparison.Ordinal);
        Assert.True(keDu > 0 && pingHu > keDu, "克度镇 (06:30) is listed before 平湖街道 (07:30)");
        Assert.Contains("<td>邻居甲</td><td>13800000002</td>", page, StringComparison.Ordinal);
        Assert.Contains("报名人邻居甲（带头人代报）", page, StringComparison.Ordinal);
        Assert.Contains("<h2>候补（2 人，按报名先后）</h2>", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("候补一", StringComparison.Ordinal) < page.IndexOf("候补二", StringComparison.Ordinal));
        Assert.Contains("<dt>已报</dt><dd data-count=\"taken\">3</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>候补</dt><dd data-count=\"waiting\">2</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd data-count=\"no-shows\">未发车</dd>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_departure_confirmed_travellers_not_on_board_count_as_no_shows()
    {
        var trip = await Trips.PlanAsync(_factory, TripData.Guangzhou);
        await Trips.SignUpAsync(_factory, trip.Id, Trips.Traveller("王师傅", "13800000001"), Trips.Traveller("王嫂", "13800000002"));
        await Trips.SignUpAsync(_factory, trip.Id, Trips.Traveller("李大姐", "13800000003"));
        using var admin = await StaffClient.SignInAsync(_factory, Password);
        var page = $"{TripStaffEndpoints.Path}/{trip.Id}";
        var board = Boarding.PathOf(await admin.GetStringAsync(page));
        var ids = await Trips.TravellerIdsAsync(_factory, trip.Id);
        using var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false });
        (await anonymous.PostFormAsync($"{board}/{ids["王嫂"]}", new Dictionary<string, string> { ["boarded"] = "1" }, from: board)).Dispose();

        // 2027-02-11 07:31 China time: the bus has left.
        _clock.SetUtcNow(new DateTimeOffset(2027, 2, 10, 23, 31, 0, TimeSpan.Zero));
        using var later = await StaffClient.SignInAsync(_factory, Password);
        var after = await later.GetStringAsync(page);

        Assert.Contains("<dt>已上车</dt><dd data-count=\"boarded\">1</dd>", after, StringComparison.Ordinal);
        Assert.Contains("<dt>未到</dt><dd data-count=\"no-shows\">2</dd>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_masks_id_numbers_and_only_an_admins_explicit_export_has_them_whole_each_in_the_audit_log()
    {
        var trip = await Trips.PlanAsync(_factory, TripData.DongguanTrain);
        await Trips.SignUpAsync(_factory, trip.Id, 1, false, Trips.Traveller("王师傅", "13800000001", Trips.IdNumberA));
        await Trips.SignUpAsync(_factory, trip.Id, 0, false, Trips.Traveller("李大姐", "13800000002", Trips.IdNumberB));
        using var admin = await StaffClient.SignInAsync(_factory, Password);
        var page = $"{TripStaffEndpoints.Path}/{trip.Id}";

        var html = await admin.GetStringAsync(page);
        using var masked = await admin.GetAsync($"{page}/passengers.xlsx");
        using var whole = await admin.PostFormAsync($"{page}/passengers-with-ids.xlsx", from: page);

        Assert.DoesNotContain(Trips.IdNumberA, html, StringComparison.Ordinal);
        var maskedRows = await RowsAsync(masked);
        var wholeRows = await RowsAsync(whole);
        // By pickup point in pickup order: 李大姐 at 克度镇 (06:30) first.
        Assert.Equal(["李大姐", "王师傅"], maskedRows.Select(r => (string)r["姓名"]!));
        Assert.All(maskedRows, r => Assert.Matches("^5227\\*+[0-9X]{4}$", (string)r["身份证号"]!));
        Assert.Equal([Trips.IdNumberB, Trips.IdNumberA], wholeRows.Select(r => (string)r["身份证号"]!));
        Assert.Equal("13800000002", (string)wholeRows[0]["手机号"]!);
        var log = await Trips.ReadAsync(_factory, db => db.AuditLog.Where(a => a.Kind == AuditKind.Export).OrderBy(a => a.Id).Select(a => a.What).ToListAsync());
        Assert.Equal(["导出乘车名单（2 人）", "导出乘车名单（2 人，含完整身份证号）"], log);
    }

    [Fact]
    public async Task Station_staff_may_not_export_whole_id_numbers_even_of_their_own_departure()
    {
        var trip = await Trips.PlanAsync(_factory, TripData.DongguanTrain, stationId: 2);
        await Trips.SignUpAsync(_factory, trip.Id, Trips.Traveller("王师傅", "13800000001", Trips.IdNumberA));
        using var staff = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, 2);
        var page = $"{TripStaffEndpoints.Path}/{trip.Id}";

        var html = await staff.GetStringAsync(page);
        using var whole = await staff.PostFormAsync($"{page}/passengers-with-ids.xlsx", from: page);

        Assert.DoesNotContain("passengers-with-ids", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, whole.StatusCode);
        Assert.DoesNotContain(Trips.IdNumberA, await whole.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await Trips.ReadAsync(_factory, db => db.AuditLog.CountAsync(a => a.Kind == AuditKind.Export)));
    }

    [Fact]
    public async Task A_sheet_adds_departures_by_external_id_reports_bad_lines_and_a_reimport_updates()
    {
        using var admin = await StaffClient.SignInAsync(_factory, Password);
        const string header = "外部编号,方式,目的地,出发日期,出发时间,座位数,报名截止,车长,车长电话,注意事项,站点,乡镇,上车地点,上车时间\n";
        var first = header +
            "PT-01,专车,广州,2027-02-11,07:30,2,2027-02-09,罗师傅,13985400001,带身份证,广州市白云区劳务协作站,克度镇,克度镇政府门口,06:30\n" +
            ",,,,,,,,,,,平湖街道,县客运站,07:30\n" +
            "PT-02,飞机,深圳,2027-02-12,08:00,40,2027-02-09,吴站长,13985400003,,,牙舟镇,牙舟镇政府门口,07:00\n" +
            "PT-03,专列,深圳,2027-02-12,08:00,40,2027-02-09,吴站长,13985400003,,,牙舟镇,牙舟镇政府门口,09:00\n" +
            "PT-04,车队,宁波,2027-02-14,06:00,30,2027-02-10,莫队长,13985400004,,,者密镇,者密镇政府门口,05:20\n" +
            "PT-04,,杭州,,,,,,,,,大塘镇,大塘镇中心广场,早上\n";

        using var response = await admin.UploadAsync($"{TripStaffEndpoints.Path}/import", System.Text.Encoding.UTF8.GetBytes(first), "返岗班次.csv", from: TripStaffEndpoints.Path);
        var report = await response.Content.ReadAsStringAsync();

        Assert.Contains("新增 1 条", report, StringComparison.Ordinal);
        Assert.Contains("<td>4</td><td>方式</td><td>「飞机」不是返岗方式", report, StringComparison.Ordinal);
        Assert.Contains("<td>5</td><td>乡镇</td><td>牙舟镇的上车时间 09:00 晚于发车时间 08:00</td>", report, StringComparison.Ordinal);
        Assert.Contains("<td>7</td><td>目的地</td><td>「杭州」与本班次第6行的「宁波」不同", report, StringComparison.Ordinal);
        Assert.Contains("<td>7</td><td>上车时间</td><td>「早上」不是时间", report, StringComparison.Ordinal);
        var trip = await Trips.ReadAsync(_factory, db => db.ReturnTrips.Include(t => t.PickupPoints).SingleAsync());
        Assert.Equal(("PT-01", 2, 2, TripMode.Bus), (trip.ExternalId, trip.StationId, trip.PickupPoints.Count, trip.Mode));

        await Trips.SignUpAsync(_factory, trip.Id, Trips.Traveller("王师傅", "13800000001"), Trips.Traveller("王嫂", "13800000002"));
        await Trips.SignUpAsync(_factory, trip.Id, Trips.Traveller("李大姐", "13800000003"));
        var second = header +
            "PT-01,专车,广州,2027-02-11,07:40,3,2027-02-09,罗师傅,13985400001,带身份证,,克度镇,克度镇政府门口,06:40\n" +
            "PT-01,专车,广州,2027-02-11,07:40,3,2027-02-09,罗师傅,13985400001,带身份证,,平湖街道,县客运站,07:40\n";
        using var again = await admin.UploadAsync($"{TripStaffEndpoints.Path}/import", System.Text.Encoding.UTF8.GetBytes(second), "返岗班次.csv", from: TripStaffEndpoints.Path);

        Assert.Contains("更新 1 条", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var updated = await Trips.ReadAsync(_factory, db => db.ReturnTrips.Include(t => t.PickupPoints).SingleAsync());
        Assert.Equal((3, 3, new TimeOnly(7, 40), 2), (updated.Seats, updated.SeatsTaken, updated.DepartsAt, updated.StationId));
        // The departure now leaves at 07:40: both bookings are told, and the one that was waiting also of its seat.
        Assert.Equal(
            [TripNotices.MovedKind, TripNotices.MovedKind, TripNotices.PromotedKind],
            await Trips.ReadAsync(_factory, db => db.Outbox.OrderBy(m => m.Id).Select(m => m.Kind).ToListAsync()));
    }

    [Fact]
    public async Task Lines_of_one_departure_apart_are_refused_with_the_line_where_it_began()
    {
        using var admin = await StaffClient.SignInAsync(_factory, Password);
        var csv = "外部编号,方式,目的地,出发日期,出发时间,座位数,报名截止,车长,车长电话,乡镇,上车地点,上车时间\n" +
            "PT-01,专车,广州,2027-02-11,07:30,2,2027-02-09,罗师傅,13985400001,克度镇,克度镇政府门口,06:30\n" +
            "PT-02,专车,东莞,2027-02-11,08:00,2,2027-02-09,石师傅,13985400002,掌布镇,掌布镇政府门口,06:30\n" +
            "PT-01,专车,广州,2027-02-11,07:30,2,2027-02-09,罗师傅,13985400001,平湖街道,县客运站,07:30\n";

        using var response = await admin.UploadAsync($"{TripStaffEndpoints.Path}/import", System.Text.Encoding.UTF8.GetBytes(csv), "返岗班次.csv", from: TripStaffEndpoints.Path);
        var report = await response.Content.ReadAsStringAsync();

        Assert.Contains("新增 2 条", report, StringComparison.Ordinal);
        Assert.Contains("<td>4</td><td>外部编号</td><td>「PT-01」在第2行已有一班", report, StringComparison.Ordinal);
    }

    private static async Task<List<IDictionary<string, object?>>> RowsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }
}
