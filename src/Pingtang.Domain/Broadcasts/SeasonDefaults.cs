
namespace Pingtang.Domain.Broadcasts;

/// <summary>
/// The plan a new installation starts with, the county's usual season. Administrators change it on the console; the
/// texts name no dates, since each year's campaign draft is checked and edited before it is approved.
/// </summary>
internal static class SeasonDefaults
{
    public static readonly object[] Steps =
    [
        Step(1, "signup-opens", "返岗专车报名开始", -24, new TimeOnly(10, 0), Audience.Everyone,
            "【返岗专车报名开始】春节后县里组织返岗专车、专列，直达广州、东莞、深圳等地，座位有限，先报先得。回复「返岗报名」马上报名，也可以帮同村老乡一起报。回复「退订」不再接收此类通知。"),
        Step(2, "signup-reminder", "返岗报名提醒（未报名的）", -7, new TimeOnly(10, 0), Audience.Everyone with { Trip = TripFilter.NotSignedUp },
            "【返岗报名提醒】节后返岗专车还有座位。还没报名的老乡，回复「返岗报名」即可报名；已经自己安排好的，不用理会。回复「退订」不再接收此类通知。"),
        Step(3, "job-fair", "节后招聘会", 9, new TimeOnly(10, 0), Audience.Everyone,
            "【春风行动招聘会】节后县里举办招聘会，上百家企业现场招工。回复「岗位」可以先在手机上看岗位。回复「退订」不再接收此类通知。"),
    ];

    private static object Step(int id, string key, string title, int offsetDays, TimeOnly sendAt, Audience audience, string text) => new
    {
        Id = id,
        Key = key,
        Title = title,
        OffsetDays = offsetDays,
        SendAt = sendAt,
        Text = text,
        Audience = audience,
        Enabled = true,
    };
}
