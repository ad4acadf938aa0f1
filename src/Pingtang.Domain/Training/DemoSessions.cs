namespace Pingtang.Domain.Training;

/// <summary>
/// Demo sessions for <c>seed-demo</c>: every course gets sessions in the coming two months at the county's real
/// training places, with seats from a handful to fifty and some age limits. Generated from the catalogue, numbered
/// DEMO-S-001…, so a second run updates them.
/// </summary>
public static class DemoSessions
{
    public const string Source = "演示数据";

    private static readonly string[] Places = ["平塘县公共实训基地", "广州市白云区技师学院", "东莞市大朗镇职业技能培训中心"];

    private static readonly int[] Seats = [30, 5, 50, 20, 12];

    public static IEnumerable<TrainingSessionRow> Generate(DateOnly today)
    {
        var number = 0;
        foreach (var (course, c) in Course.Catalogue.Select((name, i) => (name, i)))
        {
            var count = 2 + (c % 2);
            for (var s = 0; s < count; s++)
            {
                number++;
                var startsOn = today.AddDays(10 + (c * 3) + (s * 20));
                yield return new($"DEMO-S-{number:000}", course, new TrainingSessionDetails
                {
                    Place = Places[(c + s) % Places.Length],
                    StartsOn = startsOn,
                    EndsOn = startsOn.AddDays(14),
                    Schedule = "每天 8:30-12:00、14:00-17:30，共15天",
                    Seats = Seats[number % Seats.Length],
                    Fee = s == 0 ? "免费" : "政府补贴",
                    Bring = "身份证、户口本复印件、一寸照片2张",
                    AgeMin = number % 3 == 0 ? 18 : null,
                    AgeMax = number % 3 == 0 ? 50 : null,
                    Prerequisites = number % 4 == 0 ? "初中以上文化" : "",
                    EnrolBy = startsOn.AddDays(-2),
                });
            }
        }
    }
}
