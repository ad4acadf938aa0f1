using System.Globalization;
using Pingtang.Domain;
using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Broadcasts;

/// <summary>
/// The campaign form as staff typed it, so a refused form comes back with their text. Lists are typed with 、 or
/// commas; the send time is China's. <see cref="StationId"/> is an admin's choice; staff draft for their own station.
/// </summary>
public sealed record CampaignForm(int StationId, string Title, string Text, string Choices, string Townships, string Places, string Trades, string MinAge, string MaxAge, string ChannelId, TripSignUp Trip, string SendAt)
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm";

    public static CampaignForm Empty(TimeProvider time) =>
        new(Station.CountyCentreId, "", "", "", "", "", "", "", "", "", TripSignUp.Any, ChinaTime.Now(time).AddHours(1).ToString(TimeFormat, CultureInfo.InvariantCulture));

    public static CampaignForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string F(string key) => form[key].ToString().Trim();
        return new(
            int.TryParse(F("station"), NumberStyles.None, CultureInfo.InvariantCulture, out var station) ? station : Station.CountyCentreId,
            F("title"), F("text"), F("choices"), F("townships"), F("places"), F("trades"), F("minAge"), F("maxAge"), F("channel"),
            Enum.TryParse<TripSignUp>(F("trip"), out var trip) && Enum.IsDefined(trip) ? trip : TripSignUp.Any,
            F("sendAt"));
    }

    public static CampaignForm Of(Campaign c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var a = c.Audience;
        string N(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";
        return new(c.StationId, c.Title, c.Text, string.Join("、", c.Choices), string.Join("、", a.Townships), string.Join("、", a.Places), string.Join("、", a.Trades), N(a.MinAge), N(a.MaxAge), a.ChannelId ?? "", a.Trip, ChinaTime.Of(c.SendAt).ToString(TimeFormat, CultureInfo.InvariantCulture));
    }

    /// <summary>What the form says, or the first field that cannot be read or is not valid, in words for staff.</summary>
    public (CampaignContent? Content, string? Problem) Content()
    {
        int? minAge = null, maxAge = null;
        if (!Age(MinAge, ref minAge) || !Age(MaxAge, ref maxAge))
        {
            return (null, "年龄请填数字，不限则留空");
        }

        if (!DateTime.TryParseExact(SendAt, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return (null, "请填写发送时间");
        }

        var sendAt = new DateTimeOffset(local, ChinaTime.Zone.GetUtcOffset(local)).ToUniversalTime();
        var audience = new Audience(List(Townships), List(Places), List(Trades), minAge, maxAge, ChannelId.Length == 0 ? null : ChannelId, Trip);
        var content = new CampaignContent(Title, Text, List(Choices), audience, sendAt);
        return content.Validate() is { } problem ? (null, problem) : (content, null);
    }

    private static IReadOnlyList<string> List(string text) => TrainingSessionRow.SplitList(text);

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
