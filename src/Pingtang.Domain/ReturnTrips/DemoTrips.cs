namespace Pingtang.Domain.ReturnTrips;

/// <summary>
/// Demo departures for <c>seed-demo</c>: the first days after 春节 2027 (2027-02-06), as the county runs them — buses
/// to 广州 and 东莞 on 正月初六, a special train to 深圳 and a self-drive convoy to 宁波 — with pickup points at
/// township seats and resettlement estates. Sheet lines numbered DEMO-T-…, so a second run updates them.
/// </summary>
public static class DemoTrips
{
    public const string Source = "演示数据";

    private static readonly (string Id, string Mode, string City, string On, string At, int Seats, string SignUpBy, string Leader, string Phone, string Station, (string Township, string Place, string At)[] Points)[] Departures =
    [
        ("DEMO-T-01", "返岗专车", "广州", "2027-02-11", "07:30", 45, "2027-02-08", "罗师傅", "13985400001", Stations.Station.GuangzhouBaiyun,
            [("克度镇", "克度镇政府门口", "06:00"), ("塘边镇", "塘边镇客运站", "06:40"), ("平湖街道", "县客运站", "07:30")]),
        ("DEMO-T-02", "返岗专车", "东莞", "2027-02-11", "08:00", 45, "2027-02-08", "石师傅", "13985400002", Stations.Station.DongguanDalang,
            [("掌布镇", "掌布镇政府门口", "06:30"), ("通州镇", "通州镇易地扶贫搬迁安置点", "07:10"), ("金盆街道", "金盆街道办事处", "07:45")]),
        ("DEMO-T-03", "专列", "深圳", "2027-02-13", "10:20", 600, "2027-02-09", "吴站长", "13985400003", Stations.Station.CountyCentre,
            [("平湖街道", "县客运站（坐接驳车去都匀东站）", "07:30"), ("牙舟镇", "牙舟镇政府门口", "06:50")]),
        ("DEMO-T-04", "自驾车队", "宁波", "2027-02-14", "06:00", 30, "2027-02-10", "莫队长", "13985400004", Stations.Station.CountyCentre,
            [("者密镇", "者密镇政府门口", "05:20"), ("大塘镇", "大塘镇中心广场", "06:00")]),
    ];

    /// <summary>The departures as the sheet's lines, keyed by its headers: one line per pickup point.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, object?>> Lines() =>
        from d in Departures
        from p in d.Points
        select (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [ReturnTripImport.Columns.ExternalId] = d.Id,
            [ReturnTripImport.Columns.Mode] = d.Mode,
            [ReturnTripImport.Columns.Destination] = d.City,
            [ReturnTripImport.Columns.DepartsOn] = d.On,
            [ReturnTripImport.Columns.DepartsAt] = d.At,
            [ReturnTripImport.Columns.Seats] = d.Seats,
            [ReturnTripImport.Columns.SignUpBy] = d.SignUpBy,
            [ReturnTripImport.Columns.LeaderName] = d.Leader,
            [ReturnTripImport.Columns.LeaderPhone] = d.Phone,
            [ReturnTripImport.Columns.Notes] = d.Mode == "专列" ? "带好身份证（实名购票）、口罩、路上吃的和水" : "带好身份证、口罩、路上吃的和水",
            [ReturnTripImport.Columns.Station] = d.Station,
            [ReturnTripImport.Columns.Township] = p.Township,
            [ReturnTripImport.Columns.Place] = p.Place,
            [ReturnTripImport.Columns.PickupTime] = p.At,
        };
}
