namespace Pingtang.Bot.Channels.WeChat;

/// <summary>What the WeChat channel itself says, without a turn of the bot. Reviewed together.</summary>
public static class WeChatTexts
{
    /// <summary>
    /// A voice message WeChat gave no text for (its <c>Recognition</c> is documented as unreliable and often empty):
    /// the dialog stays where it was, so the worker can go on typing.
    /// </summary>
    public const string VoiceNotUnderstood = "抱歉，这条语音没有听清。请打字告诉我；回复「菜单」可以看主菜单，再回复数字选择。";
}
