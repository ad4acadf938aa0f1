using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Channels.WeChat;

/// <summary>
/// <c>/api/wechat</c>, the server URL configured for the county's service account. <c>GET</c> is WeChat's check of
/// the URL; <c>POST</c> delivers a user's message or event, in plaintext or in safe mode (<c>encrypt_type=aes</c>),
/// and takes the passive reply in its response, encrypted when the request was. Anything not signed with our token,
/// not fresh, not ours inside the ciphertext or not well-formed XML is refused before a turn could see it.
/// </summary>
internal static class WeChatEndpoint
{
    public const string Path = "/api/wechat";

    /// <summary>
    /// How far a request's timestamp may be from our clock. WeChat retries within seconds; a replay from later is
    /// refused even before the inbox would recognise it.
    /// </summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);

    private const string Success = "success";

    public static void Map(WebApplication app)
    {
        app.MapGet(Path, Verify);
        app.MapPost(Path, ReceiveAsync);
    }

    private static IResult Verify(HttpRequest request, WeChatOptions options)
    {
        if (!options.IsConfigured)
        {
            return Results.NotFound();
        }

        var query = request.Query;
        return WeChatSignature.Matches(query["signature"], options.Token!, query["timestamp"].ToString(), query["nonce"].ToString())
            ? Results.Text(query["echostr"].ToString(), "text/plain")
            : Results.Unauthorized();
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, WeChatOptions options, WeChatConversations conversations, PublicAddress address, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        if (!options.IsConfigured)
        {
            return Results.NotFound();
        }

        var query = request.Query;
        var (timestamp, nonce) = (query["timestamp"].ToString(), query["nonce"].ToString());
        if (!WeChatSignature.Matches(query["signature"], options.Token!, timestamp, nonce) || !Fresh(timestamp, time))
        {
            return Results.Unauthorized();
        }

        var body = await RequestBody.ReadAtMostAsync(request, WeChatXml.MaxBytes, cancellationToken);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var safeMode = string.Equals(query["encrypt_type"], "aes", StringComparison.Ordinal);
        WeChatMessage message;
        try
        {
            message = WeChatXml.Parse(Encoding.UTF8.GetString(body));
            if (safeMode)
            {
                if (message.Encrypt is not { Length: > 0 } encrypted || options.Cipher is not { } cipher
                    || !WeChatSignature.Matches(query["msg_signature"], options.Token!, timestamp, nonce, encrypted))
                {
                    return Results.Unauthorized();
                }

                message = WeChatXml.Parse(cipher.Decrypt(encrypted));
            }
        }
        catch (Exception e) when (e is WeChatXmlException or WeChatCryptoException)
        {
            // The reason is ours to know (a DOCTYPE, a wrong AppId); the message itself is never logged.
            loggers.CreateLogger(typeof(WeChatEndpoint)).LogWarning("A WeChat request was refused: {Reason}", e.Message);
            return Results.BadRequest();
        }

        if (message.FromUserName is not { Length: > 0 } || message.ToUserName is not { Length: > 0 } || message.MsgType is not { Length: > 0 })
        {
            return Results.BadRequest();
        }

        // The request is WeChat's own (it is signed with our token), so its host is where WeChat reaches us.
        var baseUrl = address.BaseFor(request) ?? PublicAddress.AsRequested(request);
        var reply = await conversations.ReceiveAsync(message, baseUrl, elapsed, cancellationToken);
        if (reply is null)
        {
            return Results.Text(Success, "text/plain");
        }

        if (!safeMode)
        {
            return Results.Text(reply, "application/xml", Encoding.UTF8);
        }

        var encrypt = options.Cipher!.Encrypt(reply);
        var replyTimestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var replyNonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var signature = WeChatSignature.Of(options.Token!, replyTimestamp, replyNonce, encrypt);
        return Results.Text(WeChatXml.EncryptedReply(encrypt, signature, replyTimestamp, replyNonce), "application/xml", Encoding.UTF8);
    }

    private static bool Fresh(string timestamp, TimeProvider time) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds < DateTimeOffset.MaxValue.ToUnixTimeSeconds()
        && (time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= Freshness;
}
