using Pingtang.Bot.Dialogs;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Workers;

/// <summary>
/// The worker's phone number, for a feature whose staff will call (an application, an enrolment): asked only when
/// the profile has none, in the feature's own words of why, and saved to the profile at once, so no other feature
/// asks again. Begun like a prompt, with the question as <see cref="PromptOptions"/>; ends with the number.
/// </summary>
public sealed class MobileDialog() : Dialog(DialogId)
{
    public const string DialogId = "worker.mobile";

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var worker = await dc.Services.GetRequiredService<WorkerRegistry>().FindAsync(dc.WorkerId, cancellationToken);
        return worker?.Mobile is { } mobile
            ? await dc.EndAsync(mobile, cancellationToken)
            : await dc.BeginAsync(StandardPrompts.Mobile, options, cancellationToken);
    }

    /// <summary>The mobile prompt's answer, a valid number: saved before the feature goes on with it.</summary>
    public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var mobile = (string)result!;
        var registry = dc.Services.GetRequiredService<WorkerRegistry>();
        var profile = (await registry.FindAsync(dc.WorkerId, cancellationToken))!.Profile;
        await registry.SaveProfileAsync(dc.WorkerId, profile with { Mobile = mobile }, cancellationToken);
        return await dc.EndAsync(mobile, cancellationToken);
    }
}
