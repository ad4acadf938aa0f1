namespace Pingtang.Domain.Jobs;

/// <summary>
/// The places our workers go to work, at province, city and district (区县, or 镇 in Dongguan and Zhongshan, which
/// have no districts) level. Spreadsheets and workers write them short (东莞, 白云) or long (东莞市, 白云区); postings
/// store the long form so a search compares like with like.
/// </summary>
public static class Places
{
    public const string Guizhou = "贵州省";
    public const string Guangdong = "广东省";
    public const string Zhejiang = "浙江省";

    /// <summary>The county itself: 县内 postings, including the 零工市场 gig market.</summary>
    public const string Pingtang = "平塘县";

    public static readonly IReadOnlyList<Province> Provinces =
    [
        new(Guangdong,
        [
            new("广州市", ["白云区", "番禺区", "花都区", "天河区", "黄埔区", "增城区", "海珠区", "南沙区"]),
            new("东莞市", ["大朗镇", "长安镇", "虎门镇", "塘厦镇", "厚街镇", "常平镇", "松山湖"]),
            new("深圳市", ["宝安区", "龙岗区", "龙华区", "光明区", "坪山区"]),
            new("佛山市", ["南海区", "顺德区", "禅城区"]),
            new("惠州市", ["惠阳区", "惠城区", "博罗县"]),
            new("中山市", ["小榄镇", "古镇镇", "火炬开发区"]),
            new("江门市", ["蓬江区", "新会区"]),
        ]),
        new(Zhejiang,
        [
            new("杭州市", ["萧山区", "余杭区", "滨江区", "临平区"]),
            new("宁波市", ["北仑区", "鄞州区", "慈溪市", "余姚市"]),
            new("温州市", ["瓯海区", "乐清市", "瑞安市"]),
            new("金华市", ["义乌市", "永康市", "东阳市"]),
            new("嘉兴市", ["海宁市", "桐乡市", "嘉善县"]),
            new("台州市", ["温岭市", "路桥区", "玉环市"]),
            new("绍兴市", ["柯桥区", "诸暨市"]),
        ]),
        new(Guizhou,
        [
            new("黔南布依族苗族自治州", [Pingtang, "都匀市", "独山县", "罗甸县", "惠水县", "福泉市"]),
            new("贵阳市", ["观山湖区", "南明区", "白云区", "花溪区", "乌当区"]),
            new("遵义市", ["汇川区", "红花岗区", "湄潭县"]),
            new("六盘水市", ["钟山区", "盘州市"]),
        ]),
    ];

    private static readonly Dictionary<string, string> ShortNames = BuildShortNames();

    /// <summary>Every name a worker may type, with the level and long form it means, longest first.</summary>
    public static IReadOnlyList<PlaceName> Names { get; } = BuildNames();

    /// <summary>The long forms of a spreadsheet row's place; a place we do not know is kept as written.</summary>
    public static PlaceNames Normalize(string province, string city, string district) =>
        new(LongForm(province), LongForm(city), LongForm(district));

    private static string LongForm(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        return ShortNames.GetValueOrDefault(trimmed, trimmed);
    }

    private static Dictionary<string, string> BuildShortNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["黔南州"] = "黔南布依族苗族自治州",
            ["黔南"] = "黔南布依族苗族自治州",
            ["广东"] = Guangdong,
            ["浙江"] = Zhejiang,
            ["贵州"] = Guizhou,
        };
        foreach (var province in Provinces)
        {
            foreach (var city in province.Cities)
            {
                names.TryAdd(Shorten(city.Name), city.Name);
                foreach (var district in city.Districts)
                {
                    names.TryAdd(Shorten(district), district);
                }
            }
        }

        return names;
    }

    private static List<PlaceName> BuildNames()
    {
        var names = new List<PlaceName>();
        foreach (var province in Provinces)
        {
            names.Add(new(province.Name, PlaceLevel.Province, province.Name));
            foreach (var city in province.Cities)
            {
                names.Add(new(city.Name, PlaceLevel.City, city.Name));
                names.AddRange(city.Districts.Select(d => new PlaceName(d, PlaceLevel.District, d)));
            }
        }

        foreach (var (shortName, longName) in ShortNames)
        {
            var known = names.First(n => n.LongName == longName);
            names.Add(known with { Written = shortName });
        }

        return names.DistinctBy(n => (n.Written, n.Level)).OrderByDescending(n => n.Written.Length).ToList();
    }

    /// <summary>东莞市 → 东莞, 白云区 → 白云, 大朗镇 → 大朗; a two-character name such as 古镇镇 keeps its suffix.</summary>
    private static string Shorten(string name) =>
        name.Length > 2 && name[^1] is '省' or '市' or '区' or '县' or '镇' ? name[..^1] : name;
}

public enum PlaceLevel
{
    Province,
    City,
    District,
}

public sealed record Province(string Name, IReadOnlyList<City> Cities);

public sealed record City(string Name, IReadOnlyList<string> Districts);

/// <summary>A name as written (白云) and the place it stands for (district 白云区).</summary>
public sealed record PlaceName(string Written, PlaceLevel Level, string LongName);

public sealed record PlaceNames(string Province, string City, string District);
