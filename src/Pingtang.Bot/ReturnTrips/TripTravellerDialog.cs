using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Workers;
using Pingtang.Domain;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.ReturnTrips;

/// <summary>
/// One traveller as the dialog keeps them until the sign-up: a train's ID-card number only protected, as the
/// database keeps it, since the dialog state is saved between turns; the mask is what the worker is shown.
/// </summary>
public sealed class TravellerAnswer
{
    public string Name { get; set; } = "";

    public string Mobile { get; set; } = "";

    public string? IdNumberCiphertext { get; set; }

    public string? IdNumberMasked { get; set; }
}

/// <summary>What one round of <see cref="TripTravellerDialog"/> is begun with and fills in.</summary>
public sealed class TravellerFlow
{
    /// <summary>1 for the first traveller, as the questions number them.</summary>
    public int Number { get; set; }

    /// <summary>The worker themselves: their profile's name and phone are offered, and what it lacks is saved to it.</summary>
    public bool IsSelf { get; set; }

    public bool NeedsIdNumber { get; set; }

    /// <summary>The phones of the travellers before this one: each needs their own, for the 车长 to call.</summary>
    public List<string> TakenMobiles { get; set; } = [];

    public TravellerAnswer Answer { get; set; } = new();
}

/// <summary>The name, the phone and, for a 专列, the ID-card number of one traveller; ends with the <see cref="TravellerAnswer"/>.</summary>
public sealed class TripTravellerDialog : WaterfallDialog<TravellerFlow>
{
    public const string DialogId = "return-trips.traveller";

    public TripTravellerDialog()
        : base(DialogId, AskNameAsync, AskMobileAsync, AskIdNumberAsync, DoneAsync)
    {
    }

    private static async Task<DialogTurnResult> AskNameAsync(WaterfallStepContext<TravellerFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        var worker = flow.IsSelf ? await step.Dialog.Services.GetRequiredService<WorkerRegistry>().FindAsync(step.Dialog.WorkerId, cancellationToken) : null;
        var question = DialogTexts.Format(flow.NeedsIdNumber ? ReturnTripTexts.AskRealName : ReturnTripTexts.AskName, flow.Number);
        // A 称呼 (王师傅) will do for a bus; a train's real-name ticket needs the name on the ID card, so none is offered.
        var offered = flow.NeedsIdNumber ? null : worker?.Name;
        return await step.PromptAsync(WorkerPrompts.Name, new() { Text = question, Buttons = offered is null ? [] : [offered] }, cancellationToken);
    }

    private static async Task<DialogTurnResult> AskMobileAsync(WaterfallStepContext<TravellerFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        flow.Answer.Name = (string)step.Answer!;
        var worker = flow.IsSelf ? await step.Dialog.Services.GetRequiredService<WorkerRegistry>().FindAsync(step.Dialog.WorkerId, cancellationToken) : null;
        var question = DialogTexts.Format(ReturnTripTexts.AskMobile, flow.Answer.Name);
        return await step.PromptAsync(StandardPrompts.Mobile, new() { Text = question, Buttons = worker?.Mobile is { } mobile ? [mobile] : [] }, cancellationToken);
    }

    private static async Task<DialogTurnResult> AskIdNumberAsync(WaterfallStepContext<TravellerFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        var mobile = (string)step.Answer!;
        if (flow.TakenMobiles.Contains(mobile))
        {
            await step.Dialog.SendAsync(ReturnTripTexts.MobileTwice, cancellationToken);
            return await step.GoToAsync(AskMobileAsync, flow.Answer.Name, cancellationToken);
        }

        flow.Answer.Mobile = mobile;
        return flow.NeedsIdNumber
            ? await step.PromptAsync(ReturnTripPrompts.IdNumber, new() { Text = DialogTexts.Format(ReturnTripTexts.AskIdNumber, flow.Answer.Name) }, cancellationToken)
            : await step.NextAsync(null, cancellationToken);
    }

    private static async Task<DialogTurnResult> DoneAsync(WaterfallStepContext<TravellerFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        var services = step.Dialog.Services;
        if (step.Answer is string idNumber)
        {
            var today = ChinaTime.Today(services.GetRequiredService<TimeProvider>());
            var protectedNumber = IdCardNumber.Protect(idNumber, today, services.GetRequiredService<IIdNumberProtector>());
            (flow.Answer.IdNumberCiphertext, flow.Answer.IdNumberMasked) = (protectedNumber.Ciphertext, protectedNumber.Masked);
        }

        if (flow.IsSelf)
        {
            // As the worker prompts do: what the profile lacks is filled, so no feature asks again; nothing is overwritten.
            var registry = services.GetRequiredService<WorkerRegistry>();
            var profile = (await registry.FindAsync(step.Dialog.WorkerId, cancellationToken))!.Profile;
            if (profile.Name is null || profile.Mobile is null)
            {
                await registry.SaveProfileAsync(step.Dialog.WorkerId, profile with { Name = profile.Name ?? flow.Answer.Name, Mobile = profile.Mobile ?? flow.Answer.Mobile }, cancellationToken);
            }
        }

        return await step.EndAsync(flow.Answer, cancellationToken);
    }
}
