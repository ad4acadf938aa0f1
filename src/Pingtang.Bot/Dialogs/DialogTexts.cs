using System.Globalization;

namespace Pingtang.Bot.Dialogs;

/// <summary>What the dialog engine itself says: re-prompts and recoveries. Reviewed together.</summary>
public static class DialogTexts
{
    public const string GaveUp = "没关系，我们先回到主菜单。需要时再选一次就好。";

    public const string NeedText = "请用文字回答。";

    public const string TooLong = "内容太长了，请说得简短一些（不超过{0}个字）。";

    public const string NeedChoice = "请回复选项前面的数字，例如「1」。";

    public const string NeedChoices = "请回复一个或几个数字，用空格或顿号隔开，例如「1 3」。";

    public const string NeedNumber = "请回复一个数字，例如「6000」或「六千」。";

    public const string NeedDate = "请回复一个日期，例如「明天」「下周一」或「2月15日」。";

    public const string NeedMobile = "请回复11位手机号码，例如「13812345678」。";

    public const string NeedConfirm = "请回复「是」或「否」。";

    public const string Yes = "是";

    public const string No = "否";

    public const string NeedAttachment = "请发送图片或文件。";

    /// <summary>A voice message with no words recognised in it, where a typed answer is wanted.</summary>
    public const string VoiceNotUnderstood = "抱歉，这条语音没有听清，请打字回复。";

    /// <summary>A message that waited too long for the conversation's previous one; it was not handled.</summary>
    public const string StillWorking = "上一条消息还在处理，请稍等一下再发。";

    /// <summary>Another turn of the conversation was saved while this one ran; the conversation goes on from that one.</summary>
    public const string HandledTogether = "刚才同时处理了您的两条消息，以先处理完的一条为准。";

    /// <summary>Fills a text's {0} {1}… placeholders, the same on every machine whatever its culture.</summary>
    public static string Format(string template, params object[] args) => string.Format(CultureInfo.InvariantCulture, template, args);
}
