using Pingtang.Bot.Dialogs;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.ReturnTrips;

/// <summary>What 返岗报名 remembers between messages.</summary>
public sealed class TripSignUpFlow
{
    public List<string> Cities { get; set; } = [];

    public List<int> TripIds { get; set; } = [];

    public int TripId { get; set; }

    public bool NeedsIdNumbers { get; set; }

    public List<int> PickupPointIds { get; set; } = [];

    public int PickupPointId { get; set; }

    /// <summary>A 劳务带头人 signing up neighbours, rather than a worker signing up themselves and family.</summary>
    public bool ByLeader { get; set; }

    public int Count { get; set; }

    public List<TravellerAnswer> Travellers { get; set; } = [];
}

/// <summary>
/// 返岗报名: destination → its open departures (full ones take a waiting list) → pickup point, the worker's own
/// township first → for themselves or, as a 劳务带头人, for neighbours → how many → each traveller
/// (<see cref="TripTravellerDialog"/>) → read-back → a confirmation code, or a place on the waiting list.
/// </summary>
public sealed class ReturnTripDialog : WaterfallDialog<TripSignUpFlow>
{
    public const string DialogId = "return-trips";

    public ReturnTripDialog()
        : base(DialogId, ChooseCityAsync, ChooseTripAsync, ChoosePickupAsync, ChooseWhoAsync, AskCountAsync, AskTravellerAsync, ConfirmAsync, SignUpAsync)
    {
    }

    private static async Task<DialogTurnResult> ChooseCityAsync(WaterfallStepContext<TripSignUpFlow> step, CancellationToken cancellationToken)
    {
        var cities = await step.Dialog.Services.GetRequiredService<TripTimetable>().OpenCitiesAsync(cancellationToken);
        if (cities.Count == 0)
        {
            await step.Dialog.SendAsync(ReturnTripTexts.NoDepartures, cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        step.State.Cities = [.. cities];
        return await step.PromptAsync(StandardPrompts.Choice, new() { Text = ReturnTripTexts.AskCity, Choices = [.. cities, ReturnTripTexts.MyTrips] }, cancellationToken);
    }

    private static async Task<DialogTurnResult> ChooseTripAsync(WaterfallStepContext<TripSignUpFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        var picked = (int)step.Answer!;
        if (picked == flow.Cities.Count)
        {
            return await step.Dialog.ReplaceAsync(MyTripsDialog.DialogId, null, cancellationToken);
        }

        var city = flow.Cities[picked];
        var trips = await step.Dialog.Services.GetRequiredService<TripTimetable>().OpenTripsAsync(city, cancellationToken);
        if (trips.Count == 0)
        {
            await step.Dialog.SendAsync(ReturnTripTexts.NoDepartures, cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        flow.TripIds = [.. trips.Select(t => t.Id)];
        var question = DialogTexts.Format(ReturnTripTexts.AskTrip, city);
        return await step.PromptAsync(StandardPrompts.Choice, new() { Text = question, Choices = [.. trips.Select(ReturnTripTexts.TripLine)] }, cancellationToken);
    }

    private static async Task<DialogTurnResult> ChoosePickupAsync(WaterfallStepContext<TripSignUpFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        var services = step.Dialog.Services;
        flow.TripId = flow.TripIds[(int)step.Answer!];
        var trip = (await services.GetRequiredService<TripTimetable>().FindAsync(flow.TripId, cancellationToken))!;
        flow.NeedsIdNumbers = TripModes.NeedsIdNumbers(trip.Mode);
        var home = (await services.GetRequiredService<WorkerRegistry>().FindAsync(step.Dialog.WorkerId, cancellationToken))?.HomeTownship;
        var points = trip.PickupPoints.OrderBy(p => p.Township != home).ThenBy(p => p.Time).ThenBy(p => p.Id).ToList();
        flow.PickupPointIds = [.. points.Select(p => p.Id)];
        return await step.PromptAsync(StandardPrompts.Choice, new() { Text = ReturnTripTexts.AskPickup, Choices = [.. points.Select(p => p.Describe())] }, cancellationToken);
    }

    private static Task<DialogTurnResult> ChooseWhoAsync(WaterfallStepContext<TripSignUpFlow> step, CancellationToken cancellationToken)
    {
        step.State.PickupPointId = step.State.PickupPointIds[(int)step.Answer!];
        return step.PromptAsync(StandardPrompts.Choice, new() { Text = ReturnTripTexts.AskWho, Choices = ReturnTripTexts.WhoChoices }, cancellationToken);
    }

    private static Task<DialogTurnResult> AskCountAsync(WaterfallStepContext<TripSignUpFlow> step, CancellationToken cancellationToken)
    {
        step.State.ByLeader = (int)step.Answer! == 1;
        var question = step.State.ByLeader ? ReturnTripTexts.AskCountLeader : ReturnTripTexts.AskCountSelf;
        return step.PromptAsync(ReturnTripPrompts.Count, new() { Text = question }, cancellationToken);
    }

    /// <summary>Asks the next traveller: first with the count just given, then again from <see cref="ConfirmAsync"/> until all are in.</summary>
    private static Task<DialogTurnResult> AskTravellerAsync(WaterfallStepContext<TripSignUpFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        if (step.Answer is decimal count)
        {
            (flow.Count, flow.Travellers) = ((int)count, []);
        }

        return step.Dialog.BeginAsync(TripTravellerDialog.DialogId, new TravellerFlow
        {
            Number = flow.Travellers.Count + 1,
            IsSelf = !flow.ByLeader && flow.Travellers.Count == 0,
            NeedsIdNumber = flow.NeedsIdNumbers,
            TakenMobiles = [.. flow.Travellers.Select(t => t.Mobile)],
        }, cancellationToken);
    }

    private static async Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext<TripSignUpFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        flow.Travellers.Add((TravellerAnswer)step.Answer!);
        if (flow.Travellers.Count < flow.Count)
        {
            return await step.GoToAsync(AskTravellerAsync, null, cancellationToken);
        }

        var trip = (await step.Dialog.Services.GetRequiredService<TripTimetable>().FindAsync(flow.TripId, cancellationToken))!;
        var point = trip.PickupPoints.Single(p => p.Id == flow.PickupPointId);
        return await step.PromptAsync(StandardPrompts.Confirm, new() { Text = ReturnTripTexts.Summary(trip, point, flow.Travellers) }, cancellationToken);
    }

    private static async Task<DialogTurnResult> SignUpAsync(WaterfallStepContext<TripSignUpFlow> step, CancellationToken cancellationToken)
    {
        if (step.Answer is not true)
        {
            await step.Dialog.SendAsync(ReturnTripTexts.NotSignedUp, cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        var flow = step.State;
        var services = step.Dialog.Services;
        var protector = services.GetRequiredService<IIdNumberProtector>();
        var travellers = flow.Travellers.Select(t => new TravellerDetails
        {
            Name = t.Name,
            Mobile = t.Mobile,
            IdNumber = t.IdNumberCiphertext is { } ciphertext ? protector.Unprotect(ciphertext) : null,
        }).ToList();
        var signUp = new TripSignUp(step.Dialog.WorkerId, flow.TripId, flow.PickupPointId, travellers, flow.ByLeader);
        var result = await services.GetRequiredService<TripBookings>().SignUpAsync(signUp, cancellationToken);
        var trip = (await services.GetRequiredService<TripTimetable>().FindAsync(flow.TripId, cancellationToken))!;
        var reply = result switch
        {
            TripSignUpResult.Confirmed confirmed => DialogTexts.Format(
                ReturnTripTexts.Confirmed, confirmed.Code, trip.Title, trip.PickupPoints.Single(p => p.Id == flow.PickupPointId).Describe(), $"{trip.LeaderName} {trip.LeaderPhone}"),
            TripSignUpResult.Waiting waiting => DialogTexts.Format(ReturnTripTexts.Waiting, waiting.Position, waiting.Code),
            TripSignUpResult.AlreadySignedUp { Position: { } position } already => DialogTexts.Format(ReturnTripTexts.AlreadyWaiting, position, already.Code),
            TripSignUpResult.AlreadySignedUp already => DialogTexts.Format(ReturnTripTexts.AlreadyConfirmed, already.Code),
            TripSignUpResult.Refused refused => DialogTexts.Format(ReturnTripTexts.Refused, refused.Reason),
            _ => throw new InvalidOperationException($"Unknown sign-up result {result.GetType().Name}"),
        };
        await step.Dialog.SendAsync(reply, cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }
}
