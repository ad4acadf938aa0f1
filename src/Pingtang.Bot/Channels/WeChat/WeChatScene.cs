using System.Globalization;
using Pingtang.Domain.Townships;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Channels.WeChat;

/// <summary>
/// The scene of a parametric QR code (带参数二维码) a worker scanned: <c>township:掌布镇</c> (or just the township's
/// name) on a township's poster, <c>station:2</c> on a station's desk. WeChat hands it over with the follow
/// (<c>subscribe</c>, the key prefixed <c>qrscene_</c>) or, for a follower, with <c>SCAN</c>.
/// </summary>
public static class WeChatScene
{
    public const string TownshipPrefix = "township:";
    public const string StationPrefix = "station:";

    private const string SubscribePrefix = "qrscene_";

    /// <summary>Where the code says the worker came through; null for no code, or one whose scene is not ours.</summary>
    public static WorkerOrigin? Of(WeChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var scene = message switch
        {
            { MsgType: "event", Event: "subscribe", EventKey: { } key } when key.StartsWith(SubscribePrefix, StringComparison.Ordinal) => key[SubscribePrefix.Length..],
            { MsgType: "event", Event: "SCAN", EventKey: { } key } => key,
            _ => null,
        };
        if (scene is null)
        {
            return null;
        }

        var township = scene.StartsWith(TownshipPrefix, StringComparison.Ordinal) ? scene[TownshipPrefix.Length..] : scene;
        if (Township.IsKnown(township))
        {
            return new WorkerOrigin(township, null);
        }

        return scene.StartsWith(StationPrefix, StringComparison.Ordinal)
            && int.TryParse(scene.AsSpan(StationPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var stationId)
                ? new WorkerOrigin(null, stationId)
                : null;
    }
}
