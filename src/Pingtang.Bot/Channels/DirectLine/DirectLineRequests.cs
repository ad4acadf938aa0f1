using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Channels.DirectLine;

/// <summary>Direct Line's error object: <c>{ "error": { "code", "message" } }</c>.</summary>
public sealed record ApiErrorResponse(ApiError Error);

public sealed record ApiError(string Code, string Message);

/// <summary>
/// What the REST API (<see cref="DirectLineApi"/>) and the stream (<see cref="DirectLineStream"/>) both check in a
/// request — the secret or token, the conversation it may use, the watermark — and the error they answer with.
/// </summary>
internal static class DirectLineRequests
{
    public static JsonHttpResult<ApiErrorResponse>? Authenticate(HttpRequest request, DirectLineTokens tokens, out DirectLineCaller caller)
    {
        var problem = tokens.Authenticate(request.Headers.Authorization.ToString(), out var found);
        caller = found ?? DirectLineCaller.Secret;
        return Refusal(problem);
    }

    public static JsonHttpResult<ApiErrorResponse>? Refusal(CredentialProblem problem) => problem switch
    {
        CredentialProblem.None => null,
        CredentialProblem.Missing => Error(StatusCodes.Status401Unauthorized, "Unauthorized", "Send \"Authorization: Bearer SECRET_OR_TOKEN\"."),
        CredentialProblem.Expired => Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; get a new one."),
        _ => Error(StatusCodes.Status401Unauthorized, "Unauthorized", "The secret or token is not valid."),
    };

    /// <summary>Refuses a request whose secret or token may not act on <paramref name="conversationId"/>.</summary>
    public static JsonHttpResult<ApiErrorResponse>? Admit(HttpRequest request, DirectLineTokens tokens, string conversationId) =>
        Authenticate(request, tokens, out var caller) ?? Authorize(caller, conversationId);

    public static JsonHttpResult<ApiErrorResponse>? Authorize(DirectLineCaller caller, string conversationId) =>
        caller.MayUse(conversationId)
            ? null
            : Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is for another conversation.");

    public static JsonHttpResult<ApiErrorResponse> ConversationNotFound() =>
        Error(StatusCodes.Status404NotFound, "NotFound", "There is no such conversation.");

    public static JsonHttpResult<ApiErrorResponse> Error(int status, string code, string message) =>
        TypedResults.Json(new ApiErrorResponse(new ApiError(code, message)), statusCode: status);

    public static bool TryParseWatermark(string? watermark, out int value)
    {
        value = 0;
        return string.IsNullOrEmpty(watermark)
            || (int.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out value));
    }

    public static JsonHttpResult<ApiErrorResponse> BadWatermark() =>
        Error(StatusCodes.Status400BadRequest, "BadArgument", "The watermark must be one the service gave.");

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes of a body (or of one part of an upload) as UTF-8; more is refused
    /// with 413, never buffered. <paramref name="what"/> names it in the answer: the body, the activity.
    /// </summary>
    public static async Task<(string Text, JsonHttpResult<ApiErrorResponse>? Problem)> ReadTextAsync(Stream body, long? length, int limit, string what, CancellationToken cancellationToken)
    {
        if (await RequestBody.ReadAtMostAsync(body, length, limit, cancellationToken) is not { } bytes)
        {
            return (string.Empty, Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The {what} is larger than {limit} bytes."));
        }

        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return (string.Empty, Error(StatusCodes.Status400BadRequest, "BadArgument", $"The {what} must be UTF-8 JSON."));
        }
    }
}
