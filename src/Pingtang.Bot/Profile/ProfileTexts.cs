namespace Pingtang.Bot.Profile;

/// <summary>What the bot says in 我的信息. Reviewed together.</summary>
public static class ProfileTexts
{
    public const string Intro = "我们来填写您的信息，一共7项，很快就好。随时发「取消」可以退出。";

    public const string AskName = "1. 怎么称呼您？例如「王师傅」「李姐」。";

    public const string AskMobile = "2. 您的手机号是多少？站点工作人员会用它联系您。";

    public const string AskBirthYear = "3. 您是哪一年出生的？例如「1978」。（岗位和培训有年龄要求）";

    public const string AskTownship = "4. 您的户籍在平塘县哪个乡镇？";

    public const string AskCity = "5. 您现在在哪个城市？例如「东莞」「广州白云区」「平塘」。";

    public const string AskTrades = "6. 您会哪些工种？可以选几个，用空格隔开，例如「2 3」。";

    public const string AskReminders = "7. 愿意接收返岗专车、培训开班和新岗位的提醒吗？随时发「退订」可停止。请回复「是」或「否」。";

    public const string Summary = "请核对您的信息：";

    public const string Confirm = "信息正确吗？回复「是」保存，回复「否」修改其中一项。";

    public const string ConfirmExisting = "信息还对吗？回复「是」保持不变，回复「否」修改其中一项。";

    public const string PickField = "要修改哪一项？";

    public const string Saved = "已保存，谢谢！有合适的岗位和培训，我们会按您的信息推荐。";

    public const string SavedWithoutMobile = "其他信息已保存，手机号没有改。需要时发「我的信息」再改。";

    public const string Unchanged = "好的，信息不变。";

    public const string NotFilled = "未填写";

    public const string Yes = "是";

    public const string No = "否";

    public const string BirthYearOutOfRange = "出生年份应在{0}到{1}年之间，请再说一次。";

    public const string NeedYear = "请回复出生的年份，例如「1978」或「78年」。";
}
