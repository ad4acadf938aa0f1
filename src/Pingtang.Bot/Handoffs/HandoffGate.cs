using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Menu;
using Pingtang.Domain.Handoffs;

namespace Pingtang.Bot.Handoffs;

/// <summary>
/// The turn pipeline's one check for a person in the conversation, before any dialog runs. While a staff member (or
/// a Bot Framework host's agent hub) holds the worker's conversation, what the worker writes goes to them — kept in
/// the transcript and shown live in the console — and the bot says nothing, on whichever channel the worker writes.
/// While the worker waits for a person the bot goes on answering, and both sides are kept for the staff member who
/// takes over. It also takes the answer to a rating question, and a host's <c>handoff.status</c>.
/// </summary>
public sealed class HandoffGate(IServiceScopeFactory scopes, LiveConsole live) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.Event && activity.Name == HandoffEventNames.HandoffStatus)
        {
            await OnHandoffStatusAsync(turnContext, cancellationToken);
            return;
        }

        if (activity.Type != ActivityTypes.Message || turnContext.TurnState.Get<CurrentWorker>() is not { } worker)
        {
            await next(cancellationToken);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<HandoffDesk>();
        var (handoff, rating) = await desk.AttentionAsync(worker.Id, cancellationToken);
        if (handoff is null)
        {
            if (rating is not null && await desk.AnswerRatingAsync(rating, activity.Text, cancellationToken))
            {
                await turnContext.SendActivityAsync(ChoiceMessage.Create($"{HandoffTexts.RatingThanks}\n{MenuTexts.AnythingElse}", MainMenu.Titles), cancellationToken);
                return;
            }

            await next(cancellationToken);
            return;
        }

        await live.LinesAsync(await desk.RecordAsync(handoff, ChatAuthor.Worker, LinesOf(activity), activity.Id, cancellationToken), cancellationToken);
        if (handoff.State == HandoffState.Live)
        {
            TurnMetrics.Note(turnContext, TurnOutcome.Held);
            return;
        }

        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            var responses = await nextSend();
            var said = activities.Where(a => a.Type == ActivityTypes.Message && !string.IsNullOrEmpty(a.Text)).Select(a => (a.Text, (ChatAttachment?)null)).ToList();
            if (said.Count > 0)
            {
                await live.LinesAsync(await desk.RecordAsync(handoff, ChatAuthor.Bot, said, sourceId: null, cancellationToken), cancellationToken);
            }

            return responses;
        });
        await next(cancellationToken);
    }

    /// <summary>The worker's message as transcript lines: its text, then one line per file.</summary>
    private static List<(string Text, ChatAttachment? Attachment)> LinesOf(Activity activity)
    {
        var lines = new List<(string, ChatAttachment?)>();
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            lines.Add((activity.Text, null));
        }

        foreach (var file in activity.Attachments ?? [])
        {
            if (file.ContentUrl is { Length: > 0 and <= ChatAttachment.UrlMaxLength } url)
            {
                var name = string.IsNullOrWhiteSpace(file.Name) ? file.ContentType ?? "文件" : file.Name;
                lines.Add((DialogTexts.Format(HandoffTexts.SentFile, name), new ChatAttachment(Clip(name, 256), Clip(file.ContentType ?? "application/octet-stream", 128), url)));
            }
        }

        return lines;
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>
    /// A Bot Framework host's agent hub answers the <c>handoff.initiate</c> it was sent: accepted (the bot falls
    /// silent), failed (the station's own queue keeps it), completed (the bot takes over again).
    /// </summary>
    private async Task OnHandoffStatusAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var value = turnContext.Activity.Value as JObject ?? (turnContext.Activity.Value is string json ? TryParse(json) : null);
        var state = TextOf(value, "state");
        if (state is null || turnContext.Activity.Conversation?.Id is not { } conversationId)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<HandoffDesk>();
        if (await desk.ExternalStatusAsync(conversationId, state, TextOf(value, "message"), cancellationToken) is not { } handoff)
        {
            return;
        }

        await live.QueueChangedAsync(handoff, cancellationToken);
        if (handoff.State == HandoffState.Ended)
        {
            await turnContext.SendActivityAsync(ChoiceMessage.Create(HandoffTexts.ExternalHubDone, MainMenu.Titles), cancellationToken);
        }
    }

    private static string? TextOf(JObject? value, string name) => value?[name] is JValue { Value: string text } ? text : null;

    private static JObject? TryParse(string json)
    {
        try
        {
            return JObject.Parse(json);
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return null;
        }
    }
}
