namespace Pingtang.Domain.ReturnTrips;

/// <summary>
/// What a return trip's reminder says, in short lines that read well in WeChat. Composed when it is queued, so it
/// names the departure and pickup point as they were then.
/// </summary>
public static class TripReminderTexts
{
    public const string HowToChange = "要改上车点或不去了，请回复「" + TripNotices.MyTrips + "」，把座位让给候补的老乡。";

    public const string AskWhoBooked = "要改上车点或不去了，请告诉为您报名的人。";

    public static string Message(TripBooking booking, TripReminderRecipient recipient, int daysBefore)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(recipient);
        var trip = booking.Trip!;
        List<string> lines =
        [
            daysBefore == 1 ? $"【返岗提醒】明天出发：{trip.Title}" : $"【返岗提醒】还有{daysBefore}天出发：{trip.Title}",
            $"上车点：{booking.PickupPoint!.Describe()}",
            $"车长：{trip.LeaderName} {trip.LeaderPhone}",
        ];
        if (trip.Notes.Length > 0)
        {
            lines.Add($"请带：{trip.Notes}");
        }

        lines.Add($"乘车人：{string.Join("、", recipient.Travellers.Select(t => t.Name))}");
        if (recipient.ForOthers)
        {
            lines.Add($"请转告{string.Join("、", recipient.Travellers.Where(t => t.WorkerId is null).Select(t => t.Name))}：他们收不到这条消息。");
        }

        lines.Add($"确认码：{booking.Code}（上车时告诉车长）");
        lines.Add(recipient.WorkerId == booking.WorkerId ? HowToChange : AskWhoBooked);
        return string.Join('\n', lines);
    }
}
