using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Jobs;

/// <summary>
/// The words stations and workers use for each trade group of <see cref="Trades.Common"/>: a worker who asks for
/// 保姆 finds the 家政 postings, and a posting whose 工种 is 操作工 is found under 普工.
/// </summary>
public static class TradeSynonyms
{
    public const string Other = "其他";

    /// <summary>Seasonal farm work (辣椒采摘, 蓝莓种植…): what the stations arrange for older workers.</summary>
    public const string Seasonal = "农业种植";

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Groups = new Dictionary<string, IReadOnlyList<string>>
    {
        ["普工"] = ["普工", "操作工", "流水线", "装配工", "包装工", "质检员", "杂工", "车间工人", "注塑工", "小时工"],
        ["电工"] = ["电工", "维修电工", "水电工", "电气"],
        ["焊工"] = ["焊工", "电焊", "氩弧焊", "气保焊"],
        ["叉车司机"] = ["叉车司机", "叉车", "铲车"],
        ["货车司机"] = ["货车司机", "货车", "司机", "驾驶员", "货运"],
        ["建筑工"] = ["建筑工", "钢筋工", "木工", "泥瓦工", "架子工", "装修工", "油漆工", "工地", "起重", "塔吊"],
        ["缝纫工"] = ["缝纫工", "缝纫", "车工", "平车", "制衣", "服装"],
        ["厨师"] = ["厨师", "帮厨", "厨工", "面点"],
        ["保安"] = ["保安", "门卫"],
        ["家政"] = ["家政", "保姆", "保洁", "育婴", "月嫂", "钟点工"],
        ["养老护理"] = ["养老护理", "护工", "护理员", "养老"],
        ["快递物流"] = ["快递物流", "快递", "物流", "分拣", "仓管", "装卸", "仓库"],
        [Seasonal] = ["农业种植", "采摘", "种植", "辣椒", "蓝莓", "茶叶", "果园", "季节工", "农业"],
        [Other] = ["其他"],
    };

    /// <summary>Every synonym with its group, longest first so 叉车司机 is read before 司机.</summary>
    public static IReadOnlyList<(string Word, string Group)> Words { get; } = Groups
        .SelectMany(g => g.Value.Select(word => (word, g.Key)))
        .OrderByDescending(w => w.word.Length)
        .ToList();

    /// <summary>The group a posting belongs to, read from its 工种 first and its title second.</summary>
    public static string GroupOf(string trade, string title) => Find(trade) ?? Find(title) ?? Other;

    /// <summary>The group of the first (longest) trade word in the text, or null.</summary>
    public static string? Find(string? text) =>
        string.IsNullOrEmpty(text) ? null : Words.FirstOrDefault(w => text.Contains(w.Word, StringComparison.Ordinal)).Group;
}
