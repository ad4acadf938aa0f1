namespace Pingtang.Bot.Channels.WeChat;

/// <summary>What the WeChat channel itself says, without a turn of the bot. Reviewed together.</summary>
public static class WeChatTexts
{
    /// <summary>
    /// A voice message WeChat gave neither text for (its <c>Recognition</c> is documented as unreliable and often
    /// empty) nor its file: the dialog stays where it was, so the worker can go on typing.
    /// </summary>
    public const string VoiceNotUnderstood = "抱歉，这条语音没有听清。请打字告诉我；回复「菜单」可以看主菜单，再回复数字选择。";

    /// <summary>A photo WeChat would not give us: the dialog stays where it was.</summary>
    public const string PhotoNotReceived = "抱歉，这张照片没有收到，请再发一次。";

    /// <summary>What staff see a worker's photo called.</summary>
    public const string PhotoFileName = "微信照片";

    /// <summary>What staff see a worker's voice message called, before its extension.</summary>
    public const string VoiceFileName = "微信语音";
}
