namespace Pingtang.Bot.Handoffs;

/// <summary>The console's words about canned replies (快捷回复), kept together for review.</summary>
public static class CannedReplyTexts
{
    public const string Title = "快捷回复";

    public const string LinkDescription = "本站在对话中常用的回复：新增、修改、删除";

    /// <summary>The audit log's lines; {0} the reply's title.</summary>
    public const string Added = "新增快捷回复「{0}」";

    public const string Edited = "修改快捷回复「{0}」";

    public const string Deleted = "删除快捷回复「{0}」";

    public const string DemoMakes = "每个站点的几条快捷回复";

    public const string DemoAuthor = "演示数据";

    /// <summary>{0} how many replies were added.</summary>
    public const string DemoReport = "快捷回复（演示数据）：新增 {0} 条";

    /// <summary>How staff name their station to a worker: 白云站, 大朗站, or the county centre's full name.</summary>
    public static string ShortName(string stationName) => stationName switch
    {
        Domain.Stations.Station.GuangzhouBaiyun => "白云站",
        Domain.Stations.Station.DongguanDalang => "大朗站",
        _ => stationName,
    };

    /// <summary>The demo's replies for a station named <paramref name="station"/> as staff say it.</summary>
    public static IReadOnlyList<(string Title, string Text)> DemoReplies(string station) =>
    [
        ("开场白", $"您好，我是{station}工作人员，请问有什么可以帮您？"),
        ("要欠条照片", $"您好，我是{station}工作人员，请把欠条拍照发给我。"),
        ("问单位地址", "请告诉我用人单位的全称和地址，以及您在那里做了多久。"),
        ("请稍等", "收到，我先和单位联系，有进展马上告诉您，请保持手机畅通。"),
        ("结束语", "这件事先处理到这里。以后有问题，随时发送「人工」找我们。"),
    ];
}
