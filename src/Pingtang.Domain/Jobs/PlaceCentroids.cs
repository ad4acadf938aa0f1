namespace Pingtang.Domain.Jobs;

/// <summary>A point on the map in degrees, such as a phone shares.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusKilometres = 6371;

    /// <summary>The point, or null when the numbers are no place on Earth.</summary>
    public static GeoPoint? Of(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) && Math.Abs(latitude) <= 90 && Math.Abs(longitude) <= 180
            ? new GeoPoint(latitude, longitude)
            : null;

    /// <summary>The great-circle distance (haversine), which at a county's scale is as good as any.</summary>
    public double KilometresTo(GeoPoint other)
    {
        var (lat1, lat2) = (Radians(Latitude), Radians(other.Latitude));
        var dLat = lat2 - lat1;
        var dLon = Radians(other.Longitude - Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKilometres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}

/// <summary>
/// Roughly the middle of each city and district in <see cref="Places"/> — its government seat — for telling a worker
/// who shares their location which postings are nearest. A district is a few tens of kilometres across, so the
/// few hundred metres between map systems (WeChat's phones report GCJ-02, not WGS-84) do not matter.
/// </summary>
public static class PlaceCentroids
{
    /// <summary>By city, then district; a city's own point has the district <c>""</c>.</summary>
    private static readonly Dictionary<(string City, string District), GeoPoint> Points = new()
    {
        [("广州市", "")] = new(23.13, 113.26),
        [("广州市", "白云区")] = new(23.16, 113.27),
        [("广州市", "番禺区")] = new(22.94, 113.38),
        [("广州市", "花都区")] = new(23.40, 113.22),
        [("广州市", "天河区")] = new(23.12, 113.36),
        [("广州市", "黄埔区")] = new(23.10, 113.46),
        [("广州市", "增城区")] = new(23.29, 113.81),
        [("广州市", "海珠区")] = new(23.08, 113.32),
        [("广州市", "南沙区")] = new(22.80, 113.53),
        [("东莞市", "")] = new(23.02, 113.75),
        [("东莞市", "大朗镇")] = new(22.94, 113.94),
        [("东莞市", "长安镇")] = new(22.82, 113.80),
        [("东莞市", "虎门镇")] = new(22.82, 113.67),
        [("东莞市", "塘厦镇")] = new(22.80, 114.08),
        [("东莞市", "厚街镇")] = new(22.94, 113.67),
        [("东莞市", "常平镇")] = new(22.98, 114.02),
        [("东莞市", "松山湖")] = new(22.93, 113.89),
        [("深圳市", "")] = new(22.54, 114.06),
        [("深圳市", "宝安区")] = new(22.55, 113.88),
        [("深圳市", "龙岗区")] = new(22.72, 114.25),
        [("深圳市", "龙华区")] = new(22.70, 114.04),
        [("深圳市", "光明区")] = new(22.75, 113.94),
        [("深圳市", "坪山区")] = new(22.69, 114.35),
        [("佛山市", "")] = new(23.02, 113.12),
        [("佛山市", "南海区")] = new(23.03, 113.14),
        [("佛山市", "顺德区")] = new(22.81, 113.29),
        [("佛山市", "禅城区")] = new(23.01, 113.12),
        [("惠州市", "")] = new(23.11, 114.42),
        [("惠州市", "惠阳区")] = new(22.79, 114.46),
        [("惠州市", "惠城区")] = new(23.08, 114.38),
        [("惠州市", "博罗县")] = new(23.17, 114.29),
        [("中山市", "")] = new(22.52, 113.39),
        [("中山市", "小榄镇")] = new(22.67, 113.25),
        [("中山市", "古镇镇")] = new(22.61, 113.19),
        [("中山市", "火炬开发区")] = new(22.55, 113.48),
        [("江门市", "")] = new(22.58, 113.08),
        [("江门市", "蓬江区")] = new(22.60, 113.08),
        [("江门市", "新会区")] = new(22.52, 113.03),
        [("杭州市", "")] = new(30.27, 120.16),
        [("杭州市", "萧山区")] = new(30.18, 120.26),
        [("杭州市", "余杭区")] = new(30.27, 119.97),
        [("杭州市", "滨江区")] = new(30.21, 120.21),
        [("杭州市", "临平区")] = new(30.42, 120.30),
        [("宁波市", "")] = new(29.87, 121.55),
        [("宁波市", "北仑区")] = new(29.90, 121.84),
        [("宁波市", "鄞州区")] = new(29.82, 121.55),
        [("宁波市", "慈溪市")] = new(30.17, 121.27),
        [("宁波市", "余姚市")] = new(30.04, 121.15),
        [("温州市", "")] = new(28.00, 120.67),
        [("温州市", "瓯海区")] = new(27.97, 120.61),
        [("温州市", "乐清市")] = new(28.11, 120.98),
        [("温州市", "瑞安市")] = new(27.78, 120.66),
        [("金华市", "")] = new(29.08, 119.65),
        [("金华市", "义乌市")] = new(29.31, 120.08),
        [("金华市", "永康市")] = new(28.89, 120.05),
        [("金华市", "东阳市")] = new(29.29, 120.24),
        [("嘉兴市", "")] = new(30.75, 120.76),
        [("嘉兴市", "海宁市")] = new(30.51, 120.68),
        [("嘉兴市", "桐乡市")] = new(30.63, 120.57),
        [("嘉兴市", "嘉善县")] = new(30.83, 120.93),
        [("台州市", "")] = new(28.66, 121.42),
        [("台州市", "温岭市")] = new(28.37, 121.39),
        [("台州市", "路桥区")] = new(28.58, 121.37),
        [("台州市", "玉环市")] = new(28.14, 121.23),
        [("绍兴市", "")] = new(30.00, 120.58),
        [("绍兴市", "柯桥区")] = new(30.08, 120.49),
        [("绍兴市", "诸暨市")] = new(29.71, 120.24),
        [("黔南布依族苗族自治州", "")] = new(26.26, 107.52),
        [("黔南布依族苗族自治州", Places.Pingtang)] = new(25.83, 107.32),
        [("黔南布依族苗族自治州", "都匀市")] = new(26.26, 107.52),
        [("黔南布依族苗族自治州", "独山县")] = new(25.83, 107.54),
        [("黔南布依族苗族自治州", "罗甸县")] = new(25.43, 106.75),
        [("黔南布依族苗族自治州", "惠水县")] = new(26.13, 106.66),
        [("黔南布依族苗族自治州", "福泉市")] = new(26.69, 107.52),
        [("贵阳市", "")] = new(26.65, 106.63),
        [("贵阳市", "观山湖区")] = new(26.60, 106.62),
        [("贵阳市", "南明区")] = new(26.57, 106.71),
        [("贵阳市", "白云区")] = new(26.68, 106.62),
        [("贵阳市", "花溪区")] = new(26.41, 106.67),
        [("贵阳市", "乌当区")] = new(26.63, 106.75),
        [("遵义市", "")] = new(27.73, 106.93),
        [("遵义市", "汇川区")] = new(27.75, 106.93),
        [("遵义市", "红花岗区")] = new(27.69, 106.89),
        [("遵义市", "湄潭县")] = new(27.77, 107.47),
        [("六盘水市", "")] = new(26.59, 104.83),
        [("六盘水市", "钟山区")] = new(26.57, 104.84),
        [("六盘水市", "盘州市")] = new(25.71, 104.47),
    };

    /// <summary>Every point, by city and district; a city's own has the district <c>""</c>.</summary>
    public static IReadOnlyDictionary<(string City, string District), GeoPoint> All => Points;

    /// <summary>The point of the district of <paramref name="city"/>, or with <c>""</c> of the city itself; null for a place we do not know.</summary>
    public static GeoPoint? Of(string city, string district) =>
        Points.TryGetValue((city, district), out var point) ? point : null;

    /// <summary>Where a posting is: its district's point, or its city's when the district is blank or one we do not know; null when we know neither.</summary>
    public static GeoPoint? OfPosting(string city, string district) => Of(city, district) ?? Of(city, "");

    /// <summary>The district (not a city's own point) nearest to <paramref name="point"/>.</summary>
    public static (string City, string District) NearestDistrict(GeoPoint point) =>
        Points.Where(p => p.Key.District.Length > 0).MinBy(p => p.Value.KilometresTo(point)).Key;
}
