using Pingtang.Domain.Townships;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Broadcasts;

/// <summary>Whether the audience is of workers signed up for a return trip (返岗专车/专列).</summary>
public enum TripFilter
{
    Any,
    SignedUp,
    NotSignedUp,
}

/// <summary>
/// Who a campaign is for: every criterion left empty matches everyone, and the criteria given must all hold. Within
/// one criterion any of the values does (any of the townships, any of the trades).
/// </summary>
/// <param name="Townships">户籍乡镇, from <see cref="Township.Names"/>.</param>
/// <param name="Places">Words of where they work now (现居城市): 广东 matches 广东东莞 and 广东省广州市.</param>
/// <param name="Trades">工种, from <see cref="Workers.Trades.Common"/>.</param>
/// <param name="MinAge">The age they turn this year (China time), as the age limits of jobs and courses read it.</param>
/// <param name="ChannelId">Only workers who have reached us on this channel (e.g. <c>wechat</c>); null for any.</param>
public sealed record Audience(
    IReadOnlyList<string> Townships,
    IReadOnlyList<string> Places,
    IReadOnlyList<string> Trades,
    int? MinAge = null,
    int? MaxAge = null,
    string? ChannelId = null,
    TripFilter Trip = TripFilter.Any)
{
    public const int PlaceMaxLength = Worker.CityMaxLength;
    public const int ChannelIdMaxLength = 64;

    public static Audience Everyone { get; } = new([], [], []);

    /// <summary>The first criterion that cannot be met, in words for staff; null when the audience is valid.</summary>
    public string? Validate()
    {
        if (Townships.FirstOrDefault(t => !Township.IsKnown(t)) is { } township)
        {
            return $"「{township}」不是平塘县的乡镇";
        }

        if (Places.Any(p => string.IsNullOrWhiteSpace(p) || p.Length > PlaceMaxLength))
        {
            return $"所在地每项应为1到{PlaceMaxLength}个字";
        }

        if (Trades.FirstOrDefault(t => !Workers.Trades.Common.Contains(t)) is { } trade)
        {
            return $"工种「{trade}」不在列表中";
        }

        if (MinAge is < WorkerProfile.YoungestAge or > WorkerProfile.OldestAge || MaxAge is < WorkerProfile.YoungestAge or > WorkerProfile.OldestAge)
        {
            return $"年龄应在{WorkerProfile.YoungestAge}到{WorkerProfile.OldestAge}之间";
        }

        if (MinAge > MaxAge)
        {
            return "年龄下限不能大于上限";
        }

        if (ChannelId is { Length: 0 or > ChannelIdMaxLength })
        {
            return "渠道无效";
        }

        return null;
    }
}
