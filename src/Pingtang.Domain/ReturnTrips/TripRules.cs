using Pingtang.Domain.Workers;

namespace Pingtang.Domain.ReturnTrips;

/// <summary>The rules a sign-up must keep, and the words a worker reads when it does not.</summary>
public static class TripRules
{
    public const string Closed = "这一班已经截止报名或已取消，请选别的班次";

    public const string NoSuchPickupPoint = "这一班没有这个上车点，请重新选择";

    /// <summary>{0} the phone number.</summary>
    public const string MobileAlreadyOnTrip = "手机号 {0} 已经报过这一班，不用再报";

    /// <summary>Why these travellers cannot go on a trip of <paramref name="mode"/>, in words for the worker; null when they can.</summary>
    public static string? TravellersProblem(IReadOnlyList<TravellerDetails> travellers, TripMode mode, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(travellers);
        if (travellers.Count is 0 or > TripBooking.MaxTravellers)
        {
            return $"一次报名1到{TripBooking.MaxTravellers}人";
        }

        foreach (var traveller in travellers)
        {
            if (traveller.Name.Length is 0 or > Worker.NameMaxLength)
            {
                return $"姓名应为1到{Worker.NameMaxLength}个字";
            }

            if (!Worker.MobilePattern().IsMatch(traveller.Mobile))
            {
                return $"{traveller.Name}的手机号应为11位，以1开头";
            }

            if (TripModes.NeedsIdNumbers(mode) && IdCardNumber.Problem(traveller.IdNumber, today) is { } idProblem)
            {
                return $"{traveller.Name}：{idProblem}";
            }
        }

        if (travellers.CountBy(t => t.Mobile).FirstOrDefault(c => c.Value > 1) is { Key: { } mobile })
        {
            return $"手机号 {mobile} 写了两次，每人要有自己的手机号";
        }

        return TripModes.NeedsIdNumbers(mode) && travellers.CountBy(t => IdCardNumber.Normalize(t.IdNumber) ?? "").Any(c => c.Value > 1)
            ? "同一个身份证号写了两次"
            : null;
    }
}
