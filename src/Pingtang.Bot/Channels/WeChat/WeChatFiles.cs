using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Pingtang.Bot.Uploads;

namespace Pingtang.Bot.Channels.WeChat;

/// <summary>
/// A photo or voice message a worker sent, as a file of ours: fetched from WeChat's temporary media (kept there only
/// three days), stored like a Web Chat upload (<see cref="UploadedFiles"/>, the type told by its first bytes) and
/// handed to the turn as an attachment, so a complaint keeps it as evidence and staff who took over see it.
/// </summary>
public sealed class WeChatFiles(WeChatApi api, UploadedFiles files, IOptions<UploadLimits> limits, ILogger<WeChatFiles> logger)
{
    /// <summary>Whether <paramref name="message"/> carries a file worth fetching.</summary>
    public static bool Carries(WeChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message is { MsgType: "image" or "voice", MediaId.Length: > 0 };
    }

    /// <summary>
    /// The message's file as an attachment whose link lies under <paramref name="baseUrl"/>; null when WeChat would
    /// not give it or it is not a kind we keep. Nothing of a file that was not kept stays behind.
    /// </summary>
    public async Task<Attachment?> FetchAsync(WeChatMessage message, Uri baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        WeChatMedia media;
        try
        {
            media = await api.DownloadMediaAsync(message.MediaId!, cancellationToken);
        }
        catch (Exception e) when (e is WeChatApiException or WeChatMediaTooLargeException or HttpRequestException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("A WeChat {MsgType} message's file could not be fetched: {Reason}", message.MsgType, e.Message);
            return null;
        }

        await using var batch = files.Begin(message.FromUserName!, limits.Value);
        using var content = new MemoryStream(media.Content, writable: false);
        if (await batch.AddAsync(content, NameOf(message), media.ContentType, cancellationToken) is { } refusal)
        {
            logger.LogWarning("A WeChat {MsgType} message's file was not kept: {Problem}", message.MsgType, refusal.Problem);
            return null;
        }

        var file = (await batch.CommitAsync(cancellationToken))[0];
        return new Attachment(file.ContentType, files.LinkFor(baseUrl, file).AbsoluteUri, name: file.OriginalName);
    }

    /// <summary>
    /// What staff see the file called: WeChat's own name is its media id, which tells them nothing. A photo is shown,
    /// not downloaded, so its name needs no extension; a voice file is downloaded, and players go by the extension.
    /// </summary>
    private static string NameOf(WeChatMessage message) =>
        message.MsgType == "voice"
            ? $"{WeChatTexts.VoiceFileName}.{(message.Format is { Length: > 0 and <= 8 } format && format.All(char.IsAsciiLetterOrDigit) ? format.ToLowerInvariant() : "amr")}"
            : WeChatTexts.PhotoFileName;
}
