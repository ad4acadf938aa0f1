using System.Globalization;
using Pingtang.Domain.Broadcasts;

namespace Pingtang.Bot.Broadcasts;

/// <summary>A season step's form as an administrator typed it, so a refused form comes back with their text.</summary>
public sealed record SeasonStepForm(string Title, string OffsetDays, string SendAt, string Text, AudienceForm Audience, bool Enabled)
{
    public static SeasonStepForm Empty { get; } = new("", "0", "10:00", "", AudienceForm.Empty, true);

    public static SeasonStepForm Of(SeasonStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(step.Title, step.OffsetDays.ToString(CultureInfo.InvariantCulture), step.SendAt.ToString("HH:mm", CultureInfo.InvariantCulture), step.Text, AudienceForm.Of(step.Audience), step.Enabled);
    }

    public static SeasonStepForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string F(string key) => form[key].ToString().Trim();
        return new(F("title"), F("offset"), F("sendAt"), F("text"), AudienceForm.Read(form), F("enabled") == "on");
    }

    /// <summary>The step's details, or the first field that cannot be read or is not valid, in words for staff.</summary>
    public (SeasonStepDetails? Details, string? Problem) Details()
    {
        if (!int.TryParse(OffsetDays, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset))
        {
            return (null, "相对春节的天数请填整数，节前为负数，例如 -24");
        }

        if (!TimeOnly.TryParseExact(SendAt, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var sendAt))
        {
            return (null, "发送时间请写成 10:00 这样");
        }

        var (audience, problem) = Audience.Audience();
        if (audience is null)
        {
            return (null, problem);
        }

        var details = new SeasonStepDetails(Title, offset, sendAt, Text, audience, Enabled);
        return details.Validate() is { } invalid ? (null, invalid) : (details, null);
    }
}
