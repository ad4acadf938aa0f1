using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

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
}
