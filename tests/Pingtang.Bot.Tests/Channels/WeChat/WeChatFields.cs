namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>
/// The fields of what a follower sends, as WeChat writes them after the envelope (<see cref="WeChatServer.Message"/>):
/// each message with a new <c>MsgId</c>, each event without one.
/// </summary>
internal static class WeChatFields
{
    public static string Photo(string mediaId) =>
        $"<MsgType>image</MsgType><PicUrl>http://mmbiz.qpic.cn/{mediaId}</PicUrl><MediaId>{mediaId}</MediaId><MsgId>{WeChatServer.NextMsgId()}</MsgId>";

    public static string Voice(string mediaId, string? recognition) =>
        $"<MsgType>voice</MsgType><MediaId>{mediaId}</MediaId><Format>amr</Format><Recognition>{recognition}</Recognition><MsgId>{WeChatServer.NextMsgId()}</MsgId>";

    /// <summary>An event (<c>subscribe</c>, <c>CLICK</c>, <c>SCAN</c>…) with its key, when it has one.</summary>
    public static string Event(string kind, string? eventKey = null) =>
        $"<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{kind}]]></Event>{(eventKey is null ? "" : $"<EventKey><![CDATA[{eventKey}]]></EventKey>")}";
}
