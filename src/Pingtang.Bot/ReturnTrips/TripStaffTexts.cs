using Pingtang.Domain.ReturnTrips;

namespace Pingtang.Bot.ReturnTrips;

/// <summary>What the 返岗专车 console pages and the 车长's boarding page say, beside the domain's own rules.</summary>
public static class TripStaffTexts
{
    public const string Title = "返岗专车";

    public const string BackText = "返回返岗专车";

    public const string LinkDescription = "本站返岗专车、专列、自驾车队的班次，乘车名单与导出，车长扫码登车；管理员导入班次表";

    public const string NewTitle = "新建班次";

    public const string ChooseMode = "请选择方式";

    public const string ChooseStation = "请选择站点";

    /// <summary>{0} which pickup row, from 1.</summary>
    public const string IncompletePickup = "第{0}个上车点：乡镇、上车地点、上车时间都要填，不用的行全部留空";

    public const string BoardingNotFoundTitle = "链接无效";

    /// <summary>The same for every wrong or old key: it tells a guesser nothing.</summary>
    public const string BoardingNotFound = "这个登车链接无效或已更换，请向工作人员要新的链接。";

    public const string Boarded = "已上车";

    public const string NotBoarded = "未上车";

    public const string MarkBoarded = "已上车";

    public const string Undo = "撤销";

    public const string Cancelled = "这一班已取消";

    public const string LeaderGroup = "带头人代报";

    public static string StatusText(BookingStatus status) => status switch
    {
        BookingStatus.Confirmed => "已确认",
        BookingStatus.Waiting => "候补",
        BookingStatus.Cancelled => "已取消",
        _ => status.ToString(),
    };
}
