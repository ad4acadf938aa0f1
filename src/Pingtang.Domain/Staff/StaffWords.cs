namespace Pingtang.Domain.Staff;

/// <summary>What staff are told about accounts, in one place for review.</summary>
public static class StaffWords
{
    public const string BadAccount = "账号只能用小写字母、数字和 . _ -，最多 32 个字符。";

    public const string BadName = "请填写姓名（工人看到的称呼），最多 20 个字。";

    public const string StationNeeded = "站点工作人员要选所在站点。";

    public const string AccountTaken = "这个账号已经有了，请换一个。";

    public static string Name(this StaffRole role) => role switch
    {
        StaffRole.Admin => "管理员",
        _ => "站点工作人员",
    };
}
