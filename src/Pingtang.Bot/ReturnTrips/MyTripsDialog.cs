using Pingtang.Bot.Dialogs;
using Pingtang.Domain.ReturnTrips;

namespace Pingtang.Bot.ReturnTrips;

/// <summary>What 我的返岗 remembers between messages.</summary>
public sealed class MyTripsFlow
{
    public List<int> BookingIds { get; set; } = [];

    /// <summary>How each listed booking is named in the questions: its departure's title.</summary>
    public List<string> Titles { get; set; } = [];

    public int BookingId { get; set; }

    public string Title { get; set; } = "";

    public List<int> PickupPointIds { get; set; } = [];
}

/// <summary>
/// 我的返岗: the worker's bookings of departures not gone yet; one picked can move to another pickup point of its
/// departure, or be cancelled after a yes — its seats go to the first waiting, who are told through the outbox.
/// </summary>
public sealed class MyTripsDialog : WaterfallDialog<MyTripsFlow>
{
    public const string DialogId = "return-trips.mine";

    public MyTripsDialog()
        : base(DialogId, ListAsync, AskChangeAsync, AskHowAsync, ChangeAsync)
    {
    }

    private static async Task<DialogTurnResult> ListAsync(WaterfallStepContext<MyTripsFlow> step, CancellationToken cancellationToken)
    {
        var bookings = await step.Dialog.Services.GetRequiredService<TripBookings>().ListAsync(step.Dialog.WorkerId, cancellationToken);
        if (bookings.Count == 0)
        {
            await step.Dialog.SendAsync(ReturnTripTexts.NoBookings, cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        step.State.BookingIds = [.. bookings.Select(b => b.Booking.Id)];
        step.State.Titles = [.. bookings.Select(b => b.Trip.Title)];
        return await step.PromptAsync(StandardPrompts.Choice, new() { Text = ReturnTripTexts.PickBooking, Choices = [.. bookings.Select(ReturnTripTexts.BookingLine)] }, cancellationToken);
    }

    private static Task<DialogTurnResult> AskChangeAsync(WaterfallStepContext<MyTripsFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        var picked = (int)step.Answer!;
        (flow.BookingId, flow.Title) = (flow.BookingIds[picked], flow.Titles[picked]);
        var question = DialogTexts.Format(ReturnTripTexts.AskChange, flow.Title);
        return step.PromptAsync(StandardPrompts.Choice, new() { Text = question, Choices = ReturnTripTexts.ChangeChoices }, cancellationToken);
    }

    /// <summary>A booking gone meanwhile (cancelled by staff, departed) is caught by the change itself.</summary>
    private static async Task<DialogTurnResult> AskHowAsync(WaterfallStepContext<MyTripsFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        switch ((int)step.Answer!)
        {
            case 0:
                var mine = (await step.Dialog.Services.GetRequiredService<TripBookings>().ListAsync(step.Dialog.WorkerId, cancellationToken))
                    .SingleOrDefault(b => b.Booking.Id == flow.BookingId);
                var points = mine?.Trip.PickupPoints.Where(p => p.Id != mine.PickupPoint.Id).OrderBy(p => p.Time).ThenBy(p => p.Id).ToList() ?? [];
                if (points.Count == 0)
                {
                    await step.Dialog.SendAsync(mine is null ? ReturnTripTexts.AlreadyGone : ReturnTripTexts.OnlyPickup, cancellationToken);
                    return await step.EndAsync(null, cancellationToken);
                }

                flow.PickupPointIds = [.. points.Select(p => p.Id)];
                return await step.PromptAsync(StandardPrompts.Choice, new() { Text = ReturnTripTexts.AskNewPickup, Choices = [.. points.Select(p => p.Describe())] }, cancellationToken);
            case 1:
                return await step.PromptAsync(StandardPrompts.Confirm, new() { Text = DialogTexts.Format(ReturnTripTexts.ConfirmCancel, flow.Title) }, cancellationToken);
            default:
                await step.Dialog.SendAsync(ReturnTripTexts.Kept, cancellationToken);
                return await step.EndAsync(null, cancellationToken);
        }
    }

    /// <summary>A pickup point picked, or the answer to whether to cancel.</summary>
    private static async Task<DialogTurnResult> ChangeAsync(WaterfallStepContext<MyTripsFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        var bookings = step.Dialog.Services.GetRequiredService<TripBookings>();
        var reply = step.Answer switch
        {
            int picked => await bookings.ChangePickupPointAsync(step.Dialog.WorkerId, flow.BookingId, flow.PickupPointIds[picked], cancellationToken)
                ? DialogTexts.Format(ReturnTripTexts.PickupChanged, await PickupAsync(step, cancellationToken))
                : ReturnTripTexts.AlreadyGone,

            // Whoever gets the seats is told through the outbox, queued with the cancellation: never from this turn.
            true => await bookings.CancelAsync(step.Dialog.WorkerId, flow.BookingId, cancellationToken) is null ? ReturnTripTexts.AlreadyGone : ReturnTripTexts.Cancelled,
            _ => ReturnTripTexts.Kept,
        };
        await step.Dialog.SendAsync(reply, cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }

    /// <summary>The booking's pickup point as it is saved now, in the worker's words.</summary>
    private static async Task<string> PickupAsync(WaterfallStepContext<MyTripsFlow> step, CancellationToken cancellationToken)
    {
        var bookings = await step.Dialog.Services.GetRequiredService<TripBookings>().ListAsync(step.Dialog.WorkerId, cancellationToken);
        return bookings.Single(b => b.Booking.Id == step.State.BookingId).PickupPoint.Describe();
    }
}
