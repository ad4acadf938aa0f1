using Pingtang.Domain.ReturnTrips;

namespace Pingtang.Bot.ReturnTrips;

/// <summary>What 返岗报名 and 我的返岗 say, reviewed together.</summary>
public static class ReturnTripTexts
{
    public const string MyTrips = TripNotices.MyTrips;

    public const string NoDepartures = "现在没有正在报名的返岗专车、专列，请过几天再来看看，或联系平塘县就业服务中心。";

    public const string AskCity = "返岗报名：您要去哪里？";

    public const string AskTrip = "去{0}的班次如下，请选一个：";

    public const string AskPickup = "在哪里上车？";

    public const string AskWho = "给谁报名？";

    public static readonly IReadOnlyList<string> WhoChoices = ["自己报名（可带家人）", "帮老乡报名（劳务带头人）"];

    public const string AskCountSelf = "一共几个人坐车（算上您自己）？一次最多10人。";

    public const string AskCountLeader = "帮几位老乡报名？您自己也坐车就把自己算上。一次最多10人。";

    public const string BadCount = "请回复1到10之间的人数。";

    public const string AskName = "第{0}位乘车人的姓名：";

    public const string AskRealName = "第{0}位乘车人的姓名（和身份证上一样，买实名车票用）：";

    public const string AskMobile = "{0}的手机号（车长出发前会打这个电话）：";

    public const string AskIdNumber = "{0}的身份证号（18位，专列实名购票用，只加密保存）：";

    public const string MobileTwice = "这个手机号前面已经写过了，每人要有自己的手机号。";

    public const string Confirm = "确认报名吗？";

    public const string NotSignedUp = "好的，没有报名。";

    public const string Confirmed = "报名成功！确认码：{0}\n1. 班次：{1}\n2. 上车点：{2}\n3. 车长：{3}\n4. 出发前3天和前一天上午9点会发消息提醒。\n要改上车点或不去了，请发「" + MyTrips + "」。";

    public const string Waiting = "座位已满，已为您排上候补，第{0}位，确认码：{1}。\n有人取消会按顺序补上，补上了马上发消息通知您。";

    public const string AlreadyConfirmed = "您已经报过这一班了，确认码：{0}。发「" + MyTrips + "」可以查看。";

    public const string AlreadyWaiting = "您已经在这一班的候补名单上，第{0}位，确认码：{1}。";

    public const string Refused = "抱歉，没有报上：{0}。";

    public const string NoBookings = "您现在没有返岗报名。发「返岗报名」可以报名。";

    public const string PickBooking = "您的返岗报名如下，回复数字选一个，回复「菜单」返回：";

    public const string AskChange = "{0}\n要怎么改？";

    public static readonly IReadOnlyList<string> ChangeChoices = ["改上车点", "取消报名", "不改了"];

    public const string AskNewPickup = "改到哪个上车点？";

    public const string OnlyPickup = "这一班只有这一个上车点，改不了。要换别的上车点，可以取消后报别的班次。";

    public const string PickupChanged = "已改好，新的上车点：{0}。";

    public const string ConfirmCancel = "确定取消「{0}」吗？取消后座位会让给候补的老乡。";

    public const string Cancelled = "已取消。";

    public const string Kept = "好的，报名不变。";

    public const string AlreadyGone = "这个报名已经取消，或者班次已经出发了。";

    /// <summary>One departure on offer: 2月11日（正月初六）07:30 返岗专车 → 广州 · 剩28座.</summary>
    public static string TripLine(ReturnTrip trip)
    {
        ArgumentNullException.ThrowIfNull(trip);
        return $"{trip.Title} · {(trip.SeatsLeft > 0 ? $"剩{trip.SeatsLeft}座" : "已满，可候补")}";
    }

    /// <summary>The read-back before the worker says yes: the departure, the pickup point, each traveller (ID masked).</summary>
    public static string Summary(ReturnTrip trip, PickupPoint point, IReadOnlyList<TravellerAnswer> travellers)
    {
        ArgumentNullException.ThrowIfNull(trip);
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(travellers);
        var lines = new List<string> { $"【{trip.Title}】", $"上车点：{point.Describe()}", $"车长：{trip.LeaderName}" };
        lines.AddRange(travellers.Select((t, i) => $"{i + 1}. {t.Name} {t.Mobile}{(t.IdNumberMasked is { } id ? $" 身份证{id}" : "")}"));
        if (trip.SeatsLeft < travellers.Count)
        {
            lines.Add(trip.SeatsLeft == 0 ? "这一班已满，报名后排候补。" : $"只剩{trip.SeatsLeft}个座位，不够{travellers.Count}人，报名后一起排候补。");
        }

        lines.Add(Confirm);
        return string.Join('\n', lines);
    }

    /// <summary>One line of 我的返岗: 2月11日（正月初六）07:30 返岗专车 → 广州 · 克度镇 克度镇政府门口 06:30 · 2人 · 已确认（确认码ABC234）.</summary>
    public static string BookingLine(MyTripBooking mine)
    {
        ArgumentNullException.ThrowIfNull(mine);
        var standing = mine.Position is { } position ? $"候补第{position}位" : "已确认";
        return $"{mine.Trip.Title} · {mine.PickupPoint.Describe()} · {mine.Booking.SeatCount}人 · {standing}（确认码{mine.Booking.Code}）";
    }
}
