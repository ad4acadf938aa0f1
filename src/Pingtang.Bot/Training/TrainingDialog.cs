using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Workers;
using Pingtang.Domain;
using Pingtang.Domain.Training;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Training;

/// <summary>What 培训报名 remembers between messages.</summary>
public sealed class EnrolFlow
{
    public List<int> CourseIds { get; set; } = [];

    /// <summary>The sessions on offer: a course's, or those the worker may take instead of one that refused them.</summary>
    public List<int> SessionIds { get; set; } = [];

    public int SessionId { get; set; }

    /// <summary>Asked inline when the profile has none; saved to the profile before enrolling.</summary>
    public string? Name { get; set; }
}

/// <summary>
/// 培训报名: open courses → the course's sessions → details → confirm → enrolled with a code, or on the waiting list.
/// Name and phone are asked here when the profile lacks them. A worker a session refuses is told why and offered
/// the sessions they can take.
/// </summary>
public sealed class TrainingDialog : WaterfallDialog<EnrolFlow>
{
    public const string DialogId = "training";

    public TrainingDialog()
        : base(DialogId, ChooseCourseAsync, ChooseSessionAsync, ShowSessionAsync, AskNameAsync, AskMobileAsync, EnrolAsync)
    {
    }

    private static async Task<DialogTurnResult> ChooseCourseAsync(WaterfallStepContext<EnrolFlow> step, CancellationToken cancellationToken)
    {
        var courses = await step.Dialog.Services.GetRequiredService<TrainingCalendar>().OpenCoursesAsync(cancellationToken);
        if (courses.Count == 0)
        {
            await step.Dialog.SendAsync(TrainingTexts.NoCourses, cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        step.State.CourseIds = courses.Select(c => c.Course.Id).ToList();
        var choices = courses.Select(c => TrainingTexts.CourseLine(c.Course, c.Sessions)).Append(TrainingTexts.MyEnrolments).ToList();
        return await step.PromptAsync(StandardPrompts.Choice, new() { Text = TrainingTexts.AskCourse, Choices = choices }, cancellationToken);
    }

    private static async Task<DialogTurnResult> ChooseSessionAsync(WaterfallStepContext<EnrolFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        var calendar = step.Dialog.Services.GetRequiredService<TrainingCalendar>();
        if (step.Answer is int picked)
        {
            if (picked == flow.CourseIds.Count)
            {
                return await step.Dialog.ReplaceAsync(MyEnrolmentsDialog.DialogId, null, cancellationToken);
            }

            var sessions = await calendar.OpenSessionsAsync(flow.CourseIds[picked], cancellationToken);
            flow.SessionIds = sessions.Select(s => s.Id).ToList();
            var heading = DialogTexts.Format(TrainingTexts.AskSession, sessions[0].Course!.Name);
            return await step.PromptAsync(StandardPrompts.Choice, new() { Text = heading, Choices = sessions.Select(TrainingTexts.SessionLine).ToList() }, cancellationToken);
        }

        // Sessions of any course the worker may take instead: each line names its course.
        var instead = await calendar.FindAsync(flow.SessionIds, cancellationToken);
        var lines = instead.Select(s => $"{s.Course!.Name} · {TrainingTexts.SessionLine(s)}").ToList();
        return await step.PromptAsync(StandardPrompts.Choice, new() { Text = TrainingTexts.Instead, Choices = lines }, cancellationToken);
    }

    private static async Task<DialogTurnResult> ShowSessionAsync(WaterfallStepContext<EnrolFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        var services = step.Dialog.Services;
        flow.SessionId = flow.SessionIds[(int)step.Answer!];
        var session = await services.GetRequiredService<TrainingCalendar>().FindAsync(flow.SessionId, cancellationToken);
        var worker = await services.GetRequiredService<WorkerRegistry>().FindAsync(step.Dialog.WorkerId, cancellationToken);
        var today = ChinaTime.Today(services.GetRequiredService<TimeProvider>());
        if (session?.Refusal(worker!, today) is { } refusal)
        {
            await step.Dialog.SendAsync(DialogTexts.Format(TrainingTexts.Refused, refusal), cancellationToken);
            var instead = await services.GetRequiredService<TrainingCalendar>().EligibleAsync(worker!, flow.SessionId, count: 5, cancellationToken);
            if (instead.Count == 0)
            {
                await step.Dialog.SendAsync(TrainingTexts.NothingInstead, cancellationToken);
                return await step.EndAsync(null, cancellationToken);
            }

            flow.SessionIds = instead.Select(s => s.Id).ToList();
            return await step.GoToAsync(ChooseSessionAsync, null, cancellationToken);
        }

        var question = session!.SeatsLeft > 0
            ? TrainingTexts.Confirm
            : DialogTexts.Format(TrainingTexts.ConfirmWaiting, 1 + await services.GetRequiredService<Enrolments>().WaitingCountAsync(session.Id, cancellationToken));
        return await step.PromptAsync(StandardPrompts.Confirm, new() { Text = $"{TrainingTexts.Details(session)}\n{question}" }, cancellationToken);
    }

    private static async Task<DialogTurnResult> AskNameAsync(WaterfallStepContext<EnrolFlow> step, CancellationToken cancellationToken)
    {
        if (step.Answer is not true)
        {
            await step.Dialog.SendAsync(TrainingTexts.NotEnrolled, cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        var worker = await step.Dialog.Services.GetRequiredService<WorkerRegistry>().FindAsync(step.Dialog.WorkerId, cancellationToken);
        return worker?.Name is null
            ? await step.PromptAsync(WorkerPrompts.Name, new() { Text = TrainingTexts.AskName }, cancellationToken)
            : await step.NextAsync(null, cancellationToken);
    }

    private static Task<DialogTurnResult> AskMobileAsync(WaterfallStepContext<EnrolFlow> step, CancellationToken cancellationToken)
    {
        step.State.Name = step.Answer as string ?? step.State.Name;
        return step.PromptAsync(MobileDialog.DialogId, new() { Text = TrainingTexts.AskMobile }, cancellationToken);
    }

    private static async Task<DialogTurnResult> EnrolAsync(WaterfallStepContext<EnrolFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        var services = step.Dialog.Services;
        var workerId = step.Dialog.WorkerId;
        if (flow.Name is not null)
        {
            var registry = services.GetRequiredService<WorkerRegistry>();
            var profile = (await registry.FindAsync(workerId, cancellationToken))!.Profile;
            await registry.SaveProfileAsync(workerId, profile with { Name = flow.Name }, cancellationToken);
        }

        var result = await services.GetRequiredService<Enrolments>().EnrolAsync(workerId, flow.SessionId, cancellationToken);
        var session = (await services.GetRequiredService<TrainingCalendar>().FindAsync(flow.SessionId, cancellationToken))!;
        var reply = result switch
        {
            EnrolResult.Confirmed confirmed => DialogTexts.Format(TrainingTexts.Confirmed, confirmed.Code, TrainingNotices.When(session), session.Place),
            EnrolResult.Waiting waiting => DialogTexts.Format(TrainingTexts.Waiting, waiting.Position, waiting.Code),
            EnrolResult.AlreadyEnrolled { Position: { } position } already => DialogTexts.Format(TrainingTexts.AlreadyWaiting, position, already.Code),
            EnrolResult.AlreadyEnrolled already => DialogTexts.Format(TrainingTexts.AlreadyConfirmed, already.Code),
            EnrolResult.Refused refused => DialogTexts.Format(TrainingTexts.Refused, refused.Reason),
            _ => throw new InvalidOperationException($"Unknown enrolment result {result}"),
        };
        await step.Dialog.SendAsync(reply, cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }
}
