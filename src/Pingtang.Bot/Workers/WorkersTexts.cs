namespace Pingtang.Bot.Workers;

/// <summary>What the bot says about a phone number already in someone's profile, and its code. Reviewed together.</summary>
public static class WorkersTexts
{
    public const string NotMe = "不是我";

    public const string CodeSent = "这个手机号已经在平塘就业助手登记过。\n1. 如果那是您本人：我们刚把6位数字验证码发到了那个号码上次用的微信或网页，请在15分钟内把验证码发到这里，两边的信息就合在一起。别人告诉您的验证码不要填。\n2. 如果不是您本人：请回复「不是我」。\n收不到验证码，可以到服务站请工作人员帮忙。";

    public const string NeedCode = "请回复6位数字验证码，或回复「不是我」。";

    public const string WrongCode = "验证码不对，还可以再试{0}次。请再发一次，或回复「不是我」。";

    public const string TooManyTries = "验证码错的次数太多，这个号码这次不能登记给您。如果号码确实是您的，请带身份证到服务站，工作人员可以帮您。";

    public const string Expired = "验证码已经过期。";

    public const string Linked = "验证成功，两边的信息已经合在一起：您的信息、报名和案件都在这里了，发「我的信息」可以查看。";

    public const string Declined = "好的，两边分开，这个号码不会登记在您的信息里。请换一个只有您本人用的号码。";

    public const string OwnerUnreachable = "这个手机号已经在平塘就业助手登记过，但那边现在收不到验证码。请换一个号码；如果号码确实是您的，请到服务站，工作人员可以帮您。";

    public const string TooManyCodes = "这个号码今天已经发过好几次验证码了，请明天再试，或换一个号码；也可以到服务站请工作人员帮忙。";

    public const string TakenNotYours = "这个号码登记在别人的信息里，请换一个只有您本人用的号码。";
}
