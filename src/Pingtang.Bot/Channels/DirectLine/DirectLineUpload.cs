using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
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
            return RequestTooLarge(limit);
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
            (activityJson, var problem) = await ReadPartsAsync(new UploadParts(boundary, new BodyLimitStream(request.Body, limit.MaxRequestBytes)), batch, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
        }
        catch (BodyTooLargeException)
        {
            return RequestTooLarge(limit);
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
        message.Attachments = [.. stored.Select(f => new Attachment(f.ContentType, files.LinkFor(baseUrl, f).AbsoluteUri, name: f.OriginalName))];
        var id = await conversations.ReceiveAsync(conversation, message, request.HttpContext.RequestAborted);
        return TypedResults.Ok(new ResourceResponseBody(id));
    }

    /// <summary>Reads every part: the activity's text, and each file into the batch; or the answer refusing the upload.</summary>
    private static async Task<(string? ActivityJson, JsonHttpResult<ApiErrorResponse>? Problem)> ReadPartsAsync(UploadParts parts, UploadBatch batch, CancellationToken cancellationToken)
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
                    return (null, Refused(refusal));
                }

                continue;
            }

            if (activityJson is not null)
            {
                return (null, BadArgument("An upload carries one activity."));
            }

            var (text, problem) = await DirectLineRequests.ReadTextAsync(part.Body, length: null, InboundActivity.MaxBodyBytes, "activity", cancellationToken);
            if (problem is not null)
            {
                return (null, problem);
            }

            activityJson = text;
        }

        return (activityJson, null);
    }

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

    private static JsonHttpResult<ApiErrorResponse> RequestTooLarge(UploadLimits limit) =>
        DirectLineRequests.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An upload can be at most {UploadBatch.SizeText(limit.MaxRequestBytes)} in all.");

    private static JsonHttpResult<ApiErrorResponse> BadArgument(string message) =>
        DirectLineRequests.Error(StatusCodes.Status400BadRequest, "BadArgument", message);
}
