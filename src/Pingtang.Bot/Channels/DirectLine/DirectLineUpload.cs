using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Uploads;

namespace Pingtang.Bot.Channels.DirectLine;

/// <summary>
/// <c>POST /v3/directline/conversations/{id}/upload?userId=…</c> as Direct Line 3.0 defines it and directlinejs (so
/// Web Chat's attachment button) sends it: <c>multipart/form-data</c> with the message in a part named
/// <c>activity</c> (<c>application/vnd.microsoft.activity</c>) and one part per file. The files are stored
/// (<see cref="UploadedFiles"/>), and the message reaches the bot like any posted activity, its attachments pointing
/// at them through signed links. Anything refused — limits, type, a body that cannot be read — stores nothing.
/// </summary>
internal static class DirectLineUpload
{
    private const string ActivityPart = "activity";
    private const string ActivityContentType = "application/vnd.microsoft.activity";
    private const int MaxUserIdLength = 256;

    public static async Task<Results<Ok<ResourceResponseBody>, JsonHttpResult<ApiErrorResponse>>> UploadAsync(
        string conversationId, string? userId, HttpRequest request, DirectLineTokens tokens, DirectLineStore store, DirectLineConversations conversations,
        UploadedFiles files, IOptions<UploadLimits> limits, PublicAddress address, TimeProvider time, ILogger<DirectLineConversations> logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if ((DirectLineRequests.Authenticate(request, tokens, out var caller) ?? DirectLineRequests.Authorize(caller, conversationId)) is { } refused)
        {
            return refused;
        }

        if (await store.FindAsync(conversationId, cancellationToken) is not { } conversation)
        {
            return DirectLineRequests.ConversationNotFound();
        }

        // Before the body: the attachments' links name this service's address, and a made-up host gets none.
        if (address.BaseFor(request) is not { } baseUrl)
        {
            return DirectLineApi.UnknownHost(request, logger);
        }

        if (userId is { Length: 0 or > MaxUserIdLength })
        {
            return BadArgument($"\"userId\" must have 1 to {MaxUserIdLength} characters.");
        }

        var limit = limits.Value;
        if (request.ContentLength > limit.MaxRequestBytes)
        {
            return await RequestTooLargeAsync(conversations, conversation, limit, cancellationToken);
        }

        if (Boundary(request.ContentType) is not { } boundary)
        {
            return DirectLineRequests.Error(
                StatusCodes.Status415UnsupportedMediaType,
                "BadArgument",
                "Send multipart/form-data: the activity in a part named \"activity\", then one part per file.");
        }

        // Our limit, counted as the body streams, in place of the server's (30 MB, and an exception rather than an answer).
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = null;
        }

        await using var batch = files.Begin(conversationId, limit);
        string? activityJson;
        try
        {
            (activityJson, var refusal, var problem) = await ReadPartsAsync(new UploadParts(boundary, new BodyLimitStream(request.Body, limit.MaxRequestBytes)), batch, cancellationToken);
            if (refusal is not null)
            {
                await conversations.NoticeAsync(conversation, UploadTexts.For(refusal.Problem, limit), cancellationToken);
                return Refused(refusal);
            }

            if (problem is not null)
            {
                return problem;
            }
        }
        catch (BodyTooLargeException)
        {
            return await RequestTooLargeAsync(conversations, conversation, limit, cancellationToken);
        }
        catch (MalformedUploadException)
        {
            return BadArgument("The multipart body is malformed or ends early.");
        }

        if (activityJson is null)
        {
            return BadArgument("The upload has no part named \"activity\" with the message.");
        }

        if (batch.Files.Count == 0)
        {
            return BadArgument("The upload has no file.");
        }

        var activity = InboundActivity.ParseUploaded(activityJson, out var invalid);
        if (activity is null || activity.Type != ActivityTypes.Message)
        {
            return BadArgument(invalid ?? "An upload's activity must be a \"message\".");
        }

        var claimed = userId is null ? activity.From : new ChannelAccount(userId, activity.From?.Name);
        if (DirectLineApi.Sender(caller, conversation, claimed) is not { } from)
        {
            return DirectLineApi.ReservedUser();
        }

        var stored = await batch.CommitAsync(cancellationToken);
        var message = InboundActivity.Stamp(activity, conversationId, from, time.GetUtcNow());
        message.Attachments = [.. stored.Select(f => Attachment(f, files.LinkFor(baseUrl, f).AbsoluteUri))];
        var id = await conversations.ReceiveAsync(conversation, message, request.HttpContext.RequestAborted);
        return TypedResults.Ok(new ResourceResponseBody(id));
    }

    /// <summary>
    /// Reads every part: the activity's text, and each file into the batch; or why a file was refused (the worker is
    /// told), or the answer refusing a malformed upload (a client's fault, not the worker's).
    /// </summary>
    private static async Task<(string? ActivityJson, UploadRefusal? Refusal, JsonHttpResult<ApiErrorResponse>? Problem)> ReadPartsAsync(UploadParts parts, UploadBatch batch, CancellationToken cancellationToken)
    {
        string? activityJson = null;
        while (await parts.NextAsync(cancellationToken) is { } part)
        {
            var isActivity = part.Name == ActivityPart
                || (part.ContentType?.StartsWith(ActivityContentType, StringComparison.OrdinalIgnoreCase) ?? false);
            if (!isActivity)
            {
                if (await batch.AddAsync(part.Body, part.FileName, part.ContentType, cancellationToken) is { } refusal)
                {
                    return (null, refusal, null);
                }

                continue;
            }

            if (activityJson is not null)
            {
                return (null, null, BadArgument("An upload carries one activity."));
            }

            var (text, problem) = await DirectLineRequests.ReadTextAsync(part.Body, length: null, InboundActivity.MaxBodyBytes, "activity", cancellationToken);
            if (problem is not null)
            {
                return (null, null, problem);
            }

            activityJson = text;
        }

        return (activityJson, null, null);
    }

    /// <summary>
    /// A photo is its own thumbnail: Web Chat shows a worker's own attachment as a picture only when it has one, and
    /// as a file card (name and size) otherwise, which tells a worker less about what was sent. The browser scales
    /// the photo down; there is no image library here to make a smaller copy, so the phone loads it once more.
    /// </summary>
    private static Attachment Attachment(UploadedFile file, string link) =>
        new(file.ContentType, link, name: file.OriginalName, thumbnailUrl: FileSignatures.IsImage(file.ContentType) ? link : null);

    private static string? Boundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // RFC 2046: 1 to 70 characters.
        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        return boundary is { Length: > 0 and <= 70 } ? boundary : null;
    }

    private static JsonHttpResult<ApiErrorResponse> Refused(UploadRefusal refusal) => refusal.Problem switch
    {
        UploadProblem.FileTooLarge => DirectLineRequests.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", refusal.Message),
        UploadProblem.TypeNotAllowed => DirectLineRequests.Error(StatusCodes.Status415UnsupportedMediaType, "BadArgument", refusal.Message),
        _ => BadArgument(refusal.Message),
    };

    private static async Task<JsonHttpResult<ApiErrorResponse>> RequestTooLargeAsync(
        DirectLineConversations conversations, DirectLineConversation conversation, UploadLimits limit, CancellationToken cancellationToken)
    {
        var size = UploadBatch.SizeText(limit.MaxRequestBytes);
        await conversations.NoticeAsync(conversation, DialogTexts.Format(UploadTexts.TooLargeInAll, size), cancellationToken);
        return DirectLineRequests.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An upload can be at most {size} in all.");
    }

    private static JsonHttpResult<ApiErrorResponse> BadArgument(string message) =>
        DirectLineRequests.Error(StatusCodes.Status400BadRequest, "BadArgument", message);
}
