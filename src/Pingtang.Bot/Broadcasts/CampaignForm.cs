using System.Globalization;
using Pingtang.Domain;
using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Stations;

namespace Pingtang.Bot.Broadcasts;

/// <summary>
/// The campaign form as staff typed it, so a refused form comes back with their text. Lists are typed with 、 or
/// commas; the send time is China's. <see cref="StationId"/> is an admin's choice; staff draft for their own station.
/// </summary>
public sealed record CampaignForm(int StationId, string Title, string Text, string Choices, AudienceForm Audience, string SendAt)
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm";

    public static CampaignForm Empty(TimeProvider time) =>
        new(Station.CountyCentreId, "", "", "", AudienceForm.Empty, ChinaTime.Now(time).AddHours(1).ToString(TimeFormat, CultureInfo.InvariantCulture));

    public static CampaignForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string F(string key) => form[key].ToString().Trim();
        return new(
            int.TryParse(F("station"), NumberStyles.None, CultureInfo.InvariantCulture, out var station) ? station : Station.CountyCentreId,
            F("title"), F("text"), F("choices"), AudienceForm.Read(form), F("sendAt"));
    }

    public static CampaignForm Of(Campaign c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.StationId, c.Title, c.Text, string.Join("、", c.Choices), AudienceForm.Of(c.Audience), ChinaTime.Of(c.SendAt).ToString(TimeFormat, CultureInfo.InvariantCulture));
    }

    /// <summary>What the form says, or the first field that cannot be read or is not valid, in words for staff.</summary>
    public (CampaignContent? Content, string? Problem) Content()
    {
        var (audience, problem) = Audience.Audience();
        if (audience is null)
        {
            return (null, problem);
        }

        if (!DateTime.TryParseExact(SendAt, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return (null, "请填写发送时间");
        }

        var content = new CampaignContent(Title, Text, TypedText.List(Choices), audience, ChinaTime.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local)));
        return content.Validate() is { } invalid ? (null, invalid) : (content, null);
    }
}
