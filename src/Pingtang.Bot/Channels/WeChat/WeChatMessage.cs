namespace Pingtang.Bot.Channels.WeChat;

/// <summary>
/// One push from WeChat's server to the Official Account, as <see cref="WeChatXml.Parse"/> reads it: an ordinary
/// message (接收普通消息: text, image, voice, video, shortvideo, location, link), an event (接收事件推送: subscribe,
/// unsubscribe, SCAN, LOCATION, CLICK, VIEW), or, in safe mode, only the envelope whose <see cref="Encrypt"/> holds
/// the real one. Every member is nullable because each kind carries only some of them; the names are WeChat's
/// elements, so the documentation reads across.
/// </summary>
public sealed record WeChatMessage
{
    /// <summary>The Official Account's own id (开发者微信号, gh_…).</summary>
    public string? ToUserName { get; init; }

    /// <summary>The sender's OpenID, which is stable per user and account.</summary>
    public string? FromUserName { get; init; }

    /// <summary>Seconds since 1970 (Unix time), set by WeChat's server.</summary>
    public long? CreateTime { get; init; }

    /// <summary><c>text</c>, <c>image</c>, <c>voice</c>, <c>video</c>, <c>shortvideo</c>, <c>location</c>, <c>link</c> or <c>event</c>.</summary>
    public string? MsgType { get; init; }

    /// <summary>The 64-bit message id WeChat recommends for recognising its retries; events have none.</summary>
    public long? MsgId { get; init; }

    /// <summary>For a message sent from an article: the article's data id (消息的数据ID).</summary>
    public string? MsgDataId { get; init; }

    /// <summary>For a message sent from an article: which article of a multi-article post, from 1.</summary>
    public string? Idx { get; init; }

    /// <summary>A text message's text.</summary>
    public string? Content { get; init; }

    /// <summary>An image's link, made by WeChat.</summary>
    public string? PicUrl { get; init; }

    /// <summary>An image's, voice's or video's media id, for fetching it from the temporary media API.</summary>
    public string? MediaId { get; init; }

    /// <summary>A voice message's format, such as <c>amr</c> or <c>speex</c>.</summary>
    public string? Format { get; init; }

    /// <summary>
    /// A voice message's speech recognised as text, when recognition is on; documented as unstable and to be removed,
    /// and often empty.
    /// </summary>
    public string? Recognition { get; init; }

    /// <summary>A video's thumbnail media id.</summary>
    public string? ThumbMediaId { get; init; }

    /// <summary>A location message's latitude (<c>Location_X</c>).</summary>
    public double? LocationX { get; init; }

    /// <summary>A location message's longitude (<c>Location_Y</c>).</summary>
    public double? LocationY { get; init; }

    /// <summary>A location message's map zoom level.</summary>
    public string? Scale { get; init; }

    /// <summary>A location message's place description.</summary>
    public string? Label { get; init; }

    /// <summary>A link message's title.</summary>
    public string? Title { get; init; }

    /// <summary>A link message's description.</summary>
    public string? Description { get; init; }

    /// <summary>A link message's address.</summary>
    public string? Url { get; init; }

    /// <summary>An event's kind: <c>subscribe</c>, <c>unsubscribe</c>, <c>SCAN</c>, <c>LOCATION</c>, <c>CLICK</c>, <c>VIEW</c>.</summary>
    public string? Event { get; init; }

    /// <summary>
    /// A CLICK's menu key, a VIEW's address, a SCAN's scene value, or a subscribe-by-QR code's scene with the prefix
    /// <c>qrscene_</c>.
    /// </summary>
    public string? EventKey { get; init; }

    /// <summary>The ticket of the QR code scanned, which exchanges for the code's image.</summary>
    public string? Ticket { get; init; }

    /// <summary>A VIEW event's menu id, for a personalised menu.</summary>
    public string? MenuId { get; init; }

    /// <summary>A LOCATION event's latitude, as WeChat writes it.</summary>
    public string? Latitude { get; init; }

    /// <summary>A LOCATION event's longitude, as WeChat writes it.</summary>
    public string? Longitude { get; init; }

    /// <summary>A LOCATION event's precision, as WeChat writes it.</summary>
    public string? Precision { get; init; }

    /// <summary>In safe mode, the ciphertext of the real message, for <see cref="WeChatCipher.Decrypt"/>.</summary>
    public string? Encrypt { get; init; }
}
