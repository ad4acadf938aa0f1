using Pingtang.Bot.Dialogs;
using Pingtang.Domain;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.ReturnTrips;

/// <summary>The questions of 返岗报名 that check their answers their own way, by id.</summary>
public static class ReturnTripPrompts
{
    public const string Count = "return-trips.count";
    public const string IdNumber = "return-trips.id-number";

    public static IEnumerable<Func<IServiceProvider, Dialog>> All { get; } =
    [
        _ => new NumberPrompt(Count, (count, _) => count is >= 1 and <= TripBooking.MaxTravellers && count == decimal.Truncate(count) ? null : ReturnTripTexts.BadCount),
        sp => new IdNumberPrompt(IdNumber, sp.GetRequiredService<TimeProvider>()),
    ];
}

/// <summary>
/// An ID-card number, checked as GB 11643 says (length, birth date, check character); a wrong one is asked again with
/// what is wrong, and never repeated back. The answer is the number as the domain wants it.
/// </summary>
public sealed class IdNumberPrompt(string id, TimeProvider time) : Prompt<string>(id)
{
    protected override Recognition<string> Recognize(DialogContext dc, PromptOptions options) =>
        IdCardNumber.Problem(dc.Text, ChinaTime.Today(time)) is { } problem
            ? Recognition<string>.Reject(problem)
            : Recognition<string>.Accept(IdCardNumber.Normalize(dc.Text)!);
}
