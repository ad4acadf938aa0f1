using System.Globalization;
using Pingtang.Domain;
using Pingtang.Domain.Broadcasts;

namespace Pingtang.Bot.Broadcasts;

/// <summary>
/// Who a message is for, as staff typed it on a campaign's or a season step's form, so a refused form comes back with
/// their text. Lists are typed with 、 or commas.
/// </summary>
public sealed record AudienceForm(string Townships, string Places, string Trades, string MinAge, string MaxAge, string ChannelId, TripFilter Trip)
{
    public static AudienceForm Empty { get; } = new("", "", "", "", "", "", TripFilter.Any);

    public static AudienceForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string F(string key) => form[key].ToString().Trim();
        return new(
            F("townships"), F("places"), F("trades"), F("minAge"), F("maxAge"), F("channel"),
            Enum.TryParse<TripFilter>(F("trip"), out var trip) && Enum.IsDefined(trip) ? trip : TripFilter.Any);
    }

    public static AudienceForm Of(Audience a)
    {
        ArgumentNullException.ThrowIfNull(a);
        string N(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";
        return new(string.Join("、", a.Townships), string.Join("、", a.Places), string.Join("、", a.Trades), N(a.MinAge), N(a.MaxAge), a.ChannelId ?? "", a.Trip);
    }

    /// <summary>The audience, or why the ages cannot be read; the audience's own rules are checked by whoever uses it.</summary>
    public (Audience? Audience, string? Problem) Audience()
    {
        int? minAge = null, maxAge = null;
        if (!Age(MinAge, ref minAge) || !Age(MaxAge, ref maxAge))
        {
            return (null, "年龄请填数字，不限则留空");
        }

        return (new Audience(TypedText.List(Townships), TypedText.List(Places), TypedText.List(Trades), minAge, maxAge, ChannelId.Length == 0 ? null : ChannelId, Trip), null);
    }

    /// <summary>The audience in a line staff read: 户籍乡镇：掌布镇；未报名返岗专车.</summary>
    public static string Describe(Audience a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var parts = new List<string>();
        void Add(string label, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
            {
                parts.Add($"{label}：{string.Join("、", values)}");
            }
        }

        Add("户籍乡镇", a.Townships);
        Add("所在地", a.Places);
        Add("工种", a.Trades);
        if (a.MinAge is not null || a.MaxAge is not null)
        {
            parts.Add($"年龄：{a.MinAge?.ToString(CultureInfo.InvariantCulture) ?? "不限"}–{a.MaxAge?.ToString(CultureInfo.InvariantCulture) ?? "不限"}岁");
        }

        if (a.ChannelId is { } channel)
        {
            parts.Add($"渠道：{channel}");
        }

        if (a.Trip != TripFilter.Any)
        {
            parts.Add(TripText(a.Trip));
        }

        return parts.Count == 0 ? "所有务工人员" : string.Join("；", parts);
    }

    public static string TripText(TripFilter trip) => trip switch
    {
        TripFilter.SignedUp => "已报名返岗专车",
        TripFilter.NotSignedUp => "未报名返岗专车",
        _ => "不限",
    };

    private static bool Age(string text, ref int? age)
    {
        if (text.Length == 0)
        {
            return true;
        }

        var ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n);
        age = n;
        return ok;
    }
}
