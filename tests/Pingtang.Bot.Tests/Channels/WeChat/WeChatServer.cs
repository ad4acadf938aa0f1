using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using Pingtang.Bot.Channels.WeChat;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>What <c>/api/wechat</c> answered one try: the status, the body, and the passive reply it held, decrypted.</summary>
public sealed record WeChatAnswer(HttpStatusCode Status, string Body, WeChatMessage? Reply)
{
    public bool IsSuccess => Status == HttpStatusCode.OK && Body == "success";
}

/// <summary>
/// Plays WeChat's server towards the service: signs each request with the account's token and, in safe mode,
/// encrypts it with the EncodingAESKey and checks and decrypts the reply, as WeChat does. The crypto is the
/// service's own, cross-checked against the independent <c>wechat-crypto</c> package in <c>WeChatCryptoTests</c>.
/// </summary>
public sealed class WeChatServer(HttpClient client, TimeProvider clock, bool safeMode)
{
    public const string Token = WeChatHost.Token;
    public const string AppId = FakeWeChatApi.AppId;
    public const string EncodingAesKey = WeChatHost.EncodingAesKey;

    /// <summary>The service account's original id, the <c>ToUserName</c> of every message.</summary>
    public const string Account = "gh_3f2a9c1d0e7b";

    private static readonly WeChatCipher Cipher = new(EncodingAesKey, AppId);
    private static long _lastMsgId = 24_602_000_000_000_000;

    public bool SafeMode => safeMode;

    public static long NextMsgId() => Interlocked.Increment(ref _lastMsgId);

    /// <summary>A user's text message as WeChat delivers it.</summary>
    public string Text(string openId, string content, long msgId) =>
        Message(openId, $"<MsgType><![CDATA[text]]></MsgType><Content>{SecurityElement.Escape(content)}</Content><MsgId>{msgId}</MsgId>");

    /// <summary>What a user sent, as WeChat delivers it: to whom, from whom and when, then its own <paramref name="fields"/> (MsgType…).</summary>
    public string Message(string openId, string fields) =>
        $"<xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName><CreateTime>{Now()}</CreateTime>{fields}</xml>";

    public Task<WeChatAnswer> SendTextAsync(string openId, string content, long? msgId = null) =>
        PostAsync(Text(openId, content, msgId ?? NextMsgId()));

    /// <summary>Posts <paramref name="xml"/> signed (and in safe mode encrypted) as WeChat's server would.</summary>
    public async Task<WeChatAnswer> PostAsync(string xml, string? token = null, long? timestamp = null, string? appId = null)
    {
        var stamp = (timestamp ?? Now()).ToString(CultureInfo.InvariantCulture);
        var nonce = Random.Shared.Next(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var signature = WeChatSignature.Of(token ?? Token, stamp, nonce);
        var url = $"{WeChatEndpoint.Path}?signature={signature}&timestamp={stamp}&nonce={nonce}&openid=o";
        var body = xml;
        if (safeMode)
        {
            var encrypted = (appId is null ? Cipher : new WeChatCipher(EncodingAesKey, appId)).Encrypt(xml);
            url += $"&encrypt_type=aes&msg_signature={WeChatSignature.Of(token ?? Token, stamp, nonce, encrypted)}";
            body = $"<xml><ToUserName><![CDATA[{Account}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>";
        }

        using var response = await client.PostAsync(url, new StringContent(body, Encoding.UTF8, "text/xml"));
        var text = await response.Content.ReadAsStringAsync();
        return new(response.StatusCode, text, Reply(response.StatusCode, text));
    }

    private WeChatMessage? Reply(HttpStatusCode status, string body)
    {
        if (status != HttpStatusCode.OK || body is "success" or "")
        {
            return null;
        }

        var reply = WeChatXml.Parse(body);
        if (!safeMode)
        {
            return reply;
        }

        var envelope = System.Xml.Linq.XElement.Parse(body);
        var (stamp, nonce, signature) = ((string)envelope.Element("TimeStamp")!, (string)envelope.Element("Nonce")!, (string)envelope.Element("MsgSignature")!);
        return signature == WeChatSignature.Of(Token, stamp, nonce, reply.Encrypt!)
            ? WeChatXml.Parse(Cipher.Decrypt(reply.Encrypt!))
            : throw new InvalidOperationException("The reply's msg_signature is not WeChat's.");
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeSeconds();
}
