using Pingtang.Domain.Stations;

namespace Pingtang.Domain.Jobs;

/// <summary>
/// Realistic demo postings for trying the service and for load tests: every trade group, real places of
/// <see cref="Places"/>, pay ranges per trade and region, seasonal farm work in Guizhou that takes older workers, and
/// day-paid gig work at Pingtang's 零工市场. A seeded <see cref="Random"/> makes the same postings every time, with
/// external ids DEMO-000001… so seeding twice updates rather than duplicates.
/// </summary>
public static class DemoJobs
{
    public const string Source = "演示数据";

    public const int DefaultSeed = 20261129;

    private static readonly string[] Brands = ["宏达", "鑫源", "华辉", "永盛", "联创", "金泰", "恒信", "嘉和", "力成", "新宇", "富康", "立讯", "东方", "顺昌", "锦程", "合力"];

    /// <summary>
    /// Factory and city trades, one of each trade group of <see cref="TradeSynonyms"/> but the seasonal one, weighted by
    /// how often stations post them. Pay is monthly in Guangdong; other regions scale it.
    /// </summary>
    private static readonly TradeProfile[] Trades =
    [
        new([("普工", "电子厂普工"), ("操作工", "注塑车间操作工"), ("装配工", "五金装配工"), ("包装工", "食品厂包装工"), ("质检员", "电子厂质检员"), ("流水线", "手机组装流水线普工")],
            4500, 6000, 18, 45, 0.8, 0.85, 200, ["电子", "五金制品", "塑胶制品", "食品", "玩具"],
            ["长白班，每天8小时，加班另算，满勤奖200元。", "两班倒，坐着上班，入职体检免费。", "计时工资，月休4天，工资每月15日准时发放。"], 30),
        new([("维修电工", "设备维修电工"), ("电工", "厂区电工"), ("水电工", "物业水电工")],
            6500, 8500, 20, 50, 0.6, 0.7, 5, ["电子", "机械", "物业管理"],
            ["须持有效低压电工证，负责厂区设备日常维护。", "有电工证优先，无证可参加县里免费电工培训。"], 6),
        new([("电焊", "钢结构电焊工"), ("氩弧焊", "不锈钢氩弧焊工"), ("气保焊", "汽车配件气保焊工")],
            7500, 10000, 20, 50, 0.7, 0.8, 10, ["钢结构", "机械", "汽车配件"],
            ["持焊工证，能看懂简单图纸，计件多劳多得。", "有两年以上焊接经验，可带徒弟另加补贴。"], 5),
        new([("叉车司机", "仓库叉车司机"), ("叉车", "物流园叉车工")],
            6000, 7500, 20, 50, 0.6, 0.7, 5, ["物流", "电子", "家具"],
            ["须持叉车证（N1），负责仓库上下货。", "无证可报名县里叉车培训，取证后优先录用。"], 4),
        new([("货车司机", "4.2米厢式货车司机"), ("司机", "工厂送货司机"), ("驾驶员", "重型货车驾驶员")],
            7500, 11000, 22, 55, 0.5, 0.6, 5, ["物流", "运输", "建材"],
            ["须持C1及以上驾照，三年以上驾龄，熟悉本地路线。", "跑省内线路，每周休一天，出车有补贴。"], 4),
        new([("钢筋工", "工地钢筋工"), ("木工", "建筑模板木工"), ("泥瓦工", "装修泥瓦工"), ("架子工", "外架架子工"), ("油漆工", "装修油漆工")],
            8000, 11000, 20, 55, 0.5, 0.9, 30, ["建设工程", "建筑劳务", "装饰工程"],
            ["按天计工，每月按时结算，工地包住宿。", "熟练工优先，学徒也可，跟师傅学手艺。", "工期约半年，签劳动合同，购买工伤保险。"], 10),
        new([("平车", "服装厂平车工"), ("车工", "毛织厂车工"), ("缝纫工", "箱包缝纫工")],
            6000, 9000, 18, 50, 0.8, 0.9, 50, ["服装", "毛织", "箱包"],
            ["计件工资，熟手月入过万，新手有保底。", "可参加县里缝纫技术工培训后上岗。"], 8),
        new([("厨师", "工厂食堂厨师"), ("帮厨", "酒楼帮厨"), ("面点", "早餐店面点师")],
            5500, 8000, 20, 55, 1.0, 0.6, 3, ["餐饮管理", "酒楼", "食品"],
            ["负责员工食堂两餐，会做川菜、黔菜优先。", "早班为主，下午休息。"], 4),
        new([("保安", "工业园保安"), ("门卫", "小区门卫")],
            4200, 5200, 18, 58, 0.7, 0.8, 10, ["物业管理", "保安服务"],
            ["12小时倒班，月休4天，退伍军人优先。", "形象端正，无犯罪记录，公司统一发制服。"], 6),
        new([("保姆", "住家保姆"), ("育婴", "育婴员（带宝宝）"), ("月嫂", "月嫂"), ("保洁", "写字楼保洁员")],
            5500, 8500, 25, 55, 0.7, 0.6, 3, ["家政服务", "母婴护理"],
            ["持育婴师或家政服务员证书优先，县里可免费培训。", "照顾老人或小孩，雇主家庭和善，月休4天。"], 6),
        new([("护理员", "养老院护理员"), ("护工", "医院护工"), ("养老护理", "居家养老护理员")],
            5000, 6500, 20, 55, 0.9, 0.8, 10, ["养老服务中心", "康养", "医院后勤"],
            ["照护老人日常起居，持养老护理员证优先。", "有培训有证书，工作稳定，缴纳社保。"], 5),
        new([("分拣", "快递分拣员"), ("装卸", "物流园装卸工"), ("仓管", "电商仓库仓管员"), ("快递", "快递派送员")],
            5500, 8000, 18, 50, 0.6, 0.7, 40, ["物流", "供应链", "电商"],
            ["“双11”期间加班多，工资日结周结都可。", "计件加底薪，熟悉后月入七千以上。"], 8),
        new([("服务员", "酒店服务员"), ("收银员", "超市收银员"), ("理货员", "商场理货员")],
            4200, 5500, 18, 45, 0.8, 0.7, 8, ["酒店管理", "商贸", "百货"],
            ["有无经验均可，公司带薪培训。", "早晚两班，月休4天，年底有奖金。"], 4),
    ];

    /// <summary>Seasonal farm work in Guizhou: day-paid, and open to older workers (a high upper age, or none).</summary>
    private static readonly (string Trade, string Title, string[] Districts, string Note)[] Seasonal =
    [
        ("辣椒采摘", "辣椒采摘季节工", [Places.Pingtang, "罗甸县", "独山县"], "辣椒基地采摘、分拣，按天结算，年龄大些也可以。"),
        ("蓝莓种植", "蓝莓基地种植管护工", [Places.Pingtang, "惠水县", "都匀市"], "除草、施肥、剪枝，活不重，适合在家附近务工的大龄朋友。"),
        ("茶叶采摘", "春茶采摘工", ["都匀市", "湄潭县"], "都匀毛尖、湄潭翠芽采摘，按斤或按天计酬，管午饭。"),
        ("果园", "果园季节工", ["罗甸县", "盘州市"], "火龙果、猕猴桃采摘装箱，忙季约两个月。"),
    ];

    /// <summary>Day-paid work at the county's 零工市场 (平塘县公共实训基地).</summary>
    private static readonly (string Trade, string Title, int PayFrom, int PayTo)[] Gigs =
    [
        ("装卸", "零工市场·搬运装卸（日结）", 150, 250),
        ("泥瓦工", "零工市场·泥瓦工（日结）", 250, 350),
        ("水电工", "零工市场·水电维修（日结）", 200, 300),
        ("保洁", "零工市场·家庭保洁（日结）", 120, 180),
        ("帮厨", "零工市场·酒席帮厨（日结）", 150, 220),
        ("杂工", "零工市场·厂房杂工（日结）", 130, 200),
    ];

    /// <summary>The drafts, made one at a time as they are read: <paramref name="count"/> of them, closing after <paramref name="today"/>.</summary>
    public static IEnumerable<JobPostingDraft> Generate(int count, DateOnly today, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var weights = Trades.Sum(t => t.Weight);
        for (var i = 1; i <= count; i++)
        {
            var externalId = $"DEMO-{i:D6}";
            var kind = random.Next(100);
            yield return kind switch
            {
                < 8 => SeasonalJob(random, externalId, today),
                < 14 => GigJob(random, externalId, today),
                _ => FactoryOrCityJob(random, externalId, today, Pick(random, weights)),
            };
        }
    }

    private static JobPostingDraft FactoryOrCityJob(Random random, string externalId, DateOnly today, TradeProfile profile)
    {
        // Most of the county's workers go to Guangdong, then Zhejiang; some stay in Guizhou.
        var region = random.Next(100) switch
        {
            < 58 => Places.Guangdong,
            < 82 => Places.Zhejiang,
            _ => Places.Guizhou,
        };
        var province = Places.Provinces.Single(p => p.Name == region);
        var city = province.Cities[random.Next(province.Cities.Count)];
        var district = city.Districts[random.Next(city.Districts.Count)];
        var (trade, title) = profile.Jobs[random.Next(profile.Jobs.Length)];
        var scale = region switch
        {
            Places.Guangdong => 1.0,
            Places.Zhejiang => 1.05,
            _ => 0.7,
        };
        var payMin = RoundToHundred(random.Next(profile.PayFrom, profile.PayTo + 1) * scale);
        var payMax = random.Next(10) == 0 ? (int?)null : payMin + RoundToHundred(random.Next(800, 3001));
        var meals = random.NextDouble() < profile.Meals;
        var housing = random.NextDouble() < profile.Housing;
        return new JobPostingDraft
        {
            ExternalId = externalId,
            Title = title,
            Trade = trade,
            Employer = $"{Short(city.Name)}{Brands[random.Next(Brands.Length)]}{profile.Industries[random.Next(profile.Industries.Length)]}有限公司",
            Province = province.Name,
            City = city.Name,
            District = district,
            MonthlyPayMin = payMin,
            MonthlyPayMax = payMax,
            MealsProvided = meals,
            HousingProvided = housing,
            AgeMin = profile.AgeMin,
            AgeMax = profile.AgeMax + (5 * random.Next(2)),
            Headcount = random.Next(1, profile.MaxHeadcount + 1),
            Station = StationFor(city.Name),
            ClosesOn = today.AddDays(random.Next(14, 151)),
            Description = profile.Notes[random.Next(profile.Notes.Length)] + Board(meals, housing) + region switch
            {
                Places.Guangdong => "平塘老乡多，劳务协作站全程跟踪服务。",
                Places.Zhejiang => "县就业服务中心统一组织，包车送到厂。",
                _ => "离家近，可照顾家里。",
            },
        };
    }

    private static JobPostingDraft SeasonalJob(Random random, string externalId, DateOnly today)
    {
        var (trade, title, districts, note) = Seasonal[random.Next(Seasonal.Length)];
        var district = districts[random.Next(districts.Length)];
        var city = Places.Provinces.Single(p => p.Name == Places.Guizhou).Cities.First(c => c.Districts.Contains(district));
        var meals = random.Next(10) < 7;
        return new JobPostingDraft
        {
            ExternalId = externalId,
            Title = title,
            Trade = trade,
            Employer = $"{Short(district)}{Brands[random.Next(Brands.Length)]}{trade[..2]}种植专业合作社",
            Province = Places.Guizhou,
            City = city.Name,
            District = district,
            DailyPay = 10 * random.Next(10, 17),
            MealsProvided = meals,
            HousingProvided = random.Next(10) < 3,
            AgeMin = 18,

            // Stations arrange this work for older workers: no upper age at all, or a high one.
            AgeMax = random.Next(3) == 0 ? null : 65 + (5 * random.Next(2)),
            Headcount = random.Next(10, 81),
            Station = Station.CountyCentre,
            ClosesOn = today.AddDays(random.Next(14, 91)),
            Description = note + (meals ? "管午饭，" : "") + "当天或每周结算工钱。",
        };
    }

    private static JobPostingDraft GigJob(Random random, string externalId, DateOnly today)
    {
        var (trade, title, payFrom, payTo) = Gigs[random.Next(Gigs.Length)];
        return new JobPostingDraft
        {
            ExternalId = externalId,
            Title = title,
            Trade = trade,
            Employer = "零工市场登记雇主",
            Province = Places.Guizhou,
            City = "黔南布依族苗族自治州",
            District = Places.Pingtang,
            DailyPay = 10 * random.Next(payFrom / 10, (payTo / 10) + 1),
            MealsProvided = random.Next(2) == 0,
            AgeMin = 18,
            AgeMax = random.Next(2) == 0 ? null : 65,
            Headcount = random.Next(1, 11),
            Station = Station.CountyCentre,
            ClosesOn = today.AddDays(random.Next(7, 31)),
            Description = "在平塘县公共实训基地零工市场登记，干一天结一天，工具由雇主提供。",
        };
    }

    private static TradeProfile Pick(Random random, int weights)
    {
        var roll = random.Next(weights);
        foreach (var trade in Trades)
        {
            roll -= trade.Weight;
            if (roll < 0)
            {
                return trade;
            }
        }

        return Trades[^1];
    }

    /// <summary>Guangzhou and the cities west of it go through the Baiyun station, Dongguan and east through Dalang; the rest through the county.</summary>
    private static string StationFor(string city) => city switch
    {
        "广州市" or "佛山市" or "中山市" or "江门市" => Station.GuangzhouBaiyun,
        "东莞市" or "深圳市" or "惠州市" => Station.DongguanDalang,
        _ => Station.CountyCentre,
    };

    private static string Board(bool meals, bool housing) => (meals, housing) switch
    {
        (true, true) => "包吃包住，宿舍有空调热水。",
        (true, false) => "免费工作餐，住宿可自行安排。",
        (false, true) => "提供宿舍，另发餐补。",
        _ => "不包吃住，有交通补贴。",
    };

    private static string Short(string place) => place.Length > 2 && place[^1] is '市' or '县' ? place[..^1] : place;

    private static int RoundToHundred(double pay) => (int)Math.Round(pay / 100) * 100;

    private sealed record TradeProfile(
        (string Trade, string Title)[] Jobs,
        int PayFrom,
        int PayTo,
        int AgeMin,
        int AgeMax,
        double Meals,
        double Housing,
        int MaxHeadcount,
        string[] Industries,
        string[] Notes,
        int Weight);
}
