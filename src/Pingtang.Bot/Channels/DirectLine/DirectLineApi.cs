using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Bot.Schema;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Channels.DirectLine;

/// <summary>The answer of <c>tokens/generate</c> and <c>tokens/refresh</c>.</summary>
public sealed record TokenResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>Direct Line's <c>Conversation</c> object.</summary>
public sealed record ConversationResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string StreamUrl);

/// <summary>The body of a post: the id the activity was given.</summary>
public sealed record ResourceResponseBody(string Id);

/// <summary>The optional body of <c>tokens/generate</c> and <c>conversations</c>.</summary>
internal sealed record StartBody(StartUser? User, string? Locale);

internal sealed record StartUser(string? Id, string? Name);

/// <summary>
/// The Direct Line 3.0 REST API, as Azure documents it, over <see cref="DirectLineStore"/>: tokens, conversations,
/// activities (GET with watermark, POST), and the WebSocket stream (<see cref="DirectLineStream"/>).
/// </summary>
internal static class DirectLineApi
{
    public const string UserIdPrefix = "dl_";
    private const int MaxStartBodyBytes = 4096;
    private const int MaxUserNameLength = 128;
    private static readonly int ExpiresIn = (int)DirectLineTokens.Lifetime.TotalSeconds;

    public static RouteGroupBuilder MapDirectLineApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v3/directline");
        api.MapPost("/tokens/generate", GenerateTokenAsync);
        api.MapPost("/tokens/refresh", RefreshTokenAsync);
        api.MapPost("/conversations", StartConversationAsync);
        api.MapGet("/conversations/{conversationId}", ReconnectAsync);
        api.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        api.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        api.MapPost("/conversations/{conversationId}/upload", DirectLineUpload.UploadAsync);
        api.MapGet("/conversations/{conversationId}/stream", DirectLineStream.RunAsync);
        return api;
    }

    private static async Task<Results<Ok<TokenResponse>, JsonHttpResult<ApiErrorResponse>>> GenerateTokenAsync(
        HttpRequest request, DirectLineTokens tokens, DirectLineStore store, CancellationToken cancellationToken)
    {
        if (DirectLineRequests.Authenticate(request, tokens, out var caller) is { } refused)
        {
            return refused;
        }

        if (!caller.IsSecret)
        {
            return DirectLineRequests.Error(StatusCodes.Status403Forbidden, "Forbidden", "Only the channel secret can generate tokens.");
        }

        var (body, problem) = await ReadStartBodyAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (CheckUser(body?.User) is { } badUser)
        {
            return badUser;
        }

        var conversation = await store.OpenAsync(body?.User?.Id ?? NewUserId(), Trim(body?.User?.Name), cancellationToken);
        return TypedResults.Ok(new TokenResponse(conversation.Id, tokens.Issue(conversation.Id, conversation.UserId), ExpiresIn));
    }

    private static async Task<Results<Ok<TokenResponse>, JsonHttpResult<ApiErrorResponse>>> RefreshTokenAsync(
        HttpRequest request, DirectLineTokens tokens, DirectLineStore store, CancellationToken cancellationToken)
    {
        if (DirectLineRequests.Authenticate(request, tokens, out var caller) is { } refused)
        {
            return refused;
        }

        if (caller.IsSecret)
        {
            return DirectLineRequests.Error(StatusCodes.Status403Forbidden, "Forbidden", "Refresh a token with the token itself, not the secret.");
        }

        if (await store.FindAsync(caller.ConversationId!, cancellationToken) is null)
        {
            return DirectLineRequests.ConversationNotFound();
        }

        return TypedResults.Ok(new TokenResponse(caller.ConversationId!, tokens.Issue(caller.ConversationId!, caller.UserId!), ExpiresIn));
    }

    /// <summary>
    /// With the secret: a new conversation (its user named in the body, or a new one). With a token: the token's
    /// conversation, started on the first call (201) and merely described on later ones (200).
    /// </summary>
    private static async Task<Results<Created<ConversationResponse>, Ok<ConversationResponse>, JsonHttpResult<ApiErrorResponse>>> StartConversationAsync(
        HttpRequest request, DirectLineTokens tokens, DirectLineStore store, DirectLineConversations conversations, PublicAddress address,
        ILogger<DirectLineConversations> logger, CancellationToken cancellationToken)
    {
        if (DirectLineRequests.Authenticate(request, tokens, out var caller) is { } refused)
        {
            return refused;
        }

        if (address.BaseFor(request) is not { } baseUrl)
        {
            return UnknownHost(request, logger);
        }

        var (body, problem) = await ReadStartBodyAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        DirectLineConversation? conversation;
        if (caller.IsSecret)
        {
            if (CheckUser(body?.User) is { } badUser)
            {
                return badUser;
            }

            conversation = await store.OpenAsync(body?.User?.Id ?? NewUserId(), Trim(body?.User?.Name), cancellationToken);
        }
        else
        {
            // The token already names the user; a user in the body cannot change it.
            conversation = await store.FindAsync(caller.ConversationId!, cancellationToken);
            if (conversation is null)
            {
                return DirectLineRequests.ConversationNotFound();
            }
        }

        var started = await conversations.EnsureStartedAsync(conversation, body?.Locale, request.HttpContext.RequestAborted);
        var response = Describe(baseUrl, tokens, conversation, watermark: null);
        return started ? TypedResults.Created((string?)null, response) : TypedResults.Ok(response);
    }

    /// <summary>Reconnect: a fresh stream URL (and token) for a conversation the caller already has.</summary>
    private static async Task<Results<Ok<ConversationResponse>, JsonHttpResult<ApiErrorResponse>>> ReconnectAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, DirectLineStore store, PublicAddress address,
        ILogger<DirectLineConversations> logger, CancellationToken cancellationToken)
    {
        if (DirectLineRequests.Admit(request, tokens, conversationId) is { } refused)
        {
            return refused;
        }

        if (!DirectLineRequests.TryParseWatermark(watermark, out var from))
        {
            return DirectLineRequests.BadWatermark();
        }

        if (address.BaseFor(request) is not { } baseUrl)
        {
            return UnknownHost(request, logger);
        }

        var conversation = await store.FindAsync(conversationId, cancellationToken);
        return conversation is null
            ? DirectLineRequests.ConversationNotFound()
            : TypedResults.Ok(Describe(baseUrl, tokens, conversation, watermark is null ? null : from));
    }

    private static async Task<Results<ContentHttpResult, JsonHttpResult<ApiErrorResponse>>> GetActivitiesAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, DirectLineStore store, CancellationToken cancellationToken)
    {
        if (DirectLineRequests.Admit(request, tokens, conversationId) is { } refused)
        {
            return refused;
        }

        if (!DirectLineRequests.TryParseWatermark(watermark, out var from))
        {
            return DirectLineRequests.BadWatermark();
        }

        if (await store.FindAsync(conversationId, cancellationToken) is null)
        {
            return DirectLineRequests.ConversationNotFound();
        }

        var page = await store.ReadAsync(conversationId, from, cancellationToken);
        return TypedResults.Content(DirectLineStore.ToActivitySet(page), "application/json", Encoding.UTF8);
    }

    private static async Task<Results<Ok<ResourceResponseBody>, JsonHttpResult<ApiErrorResponse>>> PostActivityAsync(
        string conversationId, HttpRequest request, DirectLineTokens tokens, DirectLineStore store, DirectLineConversations conversations,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if ((DirectLineRequests.Authenticate(request, tokens, out var caller) ?? DirectLineRequests.Authorize(caller, conversationId)) is { } refused)
        {
            return refused;
        }

        var conversation = await store.FindAsync(conversationId, cancellationToken);
        if (conversation is null)
        {
            return DirectLineRequests.ConversationNotFound();
        }

        var (body, tooLarge) = await DirectLineRequests.ReadTextAsync(request.Body, request.ContentLength, InboundActivity.MaxBodyBytes, "body", cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        var activity = InboundActivity.Parse(body, out var problem);
        if (activity is null)
        {
            return DirectLineRequests.Error(StatusCodes.Status400BadRequest, "BadArgument", problem!);
        }

        var from = Sender(caller, conversation, activity.From);
        if (from is null)
        {
            return ReservedUser();
        }

        var id = await conversations.ReceiveAsync(conversation, InboundActivity.Stamp(activity, conversationId, from, time.GetUtcNow()), request.HttpContext.RequestAborted);
        return TypedResults.Ok(new ResourceResponseBody(id));
    }

    /// <summary>
    /// Who an activity is from. A token speaks as its own user, whatever <c>from</c> says (as directlinejs itself
    /// does). The secret is the bot owner's server, which Azure lets name the user; but ids starting <c>dl_</c> are
    /// reserved to tokens (Azure's rule), so the secret cannot speak as a web-chat user of another conversation.
    /// </summary>
    internal static ChannelAccount? Sender(DirectLineCaller caller, DirectLineConversation conversation, ChannelAccount? claimed)
    {
        var name = Trim(conversation.UserName ?? claimed?.Name);
        if (!caller.IsSecret || string.IsNullOrEmpty(claimed?.Id) || claimed.Id == conversation.UserId)
        {
            return new ChannelAccount(caller.UserId ?? conversation.UserId, name, RoleTypes.User);
        }

        return claimed.Id.StartsWith(UserIdPrefix, StringComparison.Ordinal)
            ? null
            : new ChannelAccount(claimed.Id, Trim(claimed.Name), RoleTypes.User);
    }

    private static ConversationResponse Describe(Uri baseUrl, DirectLineTokens tokens, DirectLineConversation conversation, int? watermark)
    {
        var streamToken = tokens.IssueForStream(conversation.Id, conversation.UserId);
        var streamUrl = PublicAddress.WebSocketUrl(baseUrl, $"/v3/directline/conversations/{Uri.EscapeDataString(conversation.Id)}/stream")
            + $"?watermark={watermark?.ToString(CultureInfo.InvariantCulture)}&t={Uri.EscapeDataString(streamToken)}";
        return new ConversationResponse(conversation.Id, tokens.Issue(conversation.Id, conversation.UserId), ExpiresIn, streamUrl);
    }

    /// <summary>A stream URL naming a host the operator never gave would send the client wherever the Host header said.</summary>
    internal static JsonHttpResult<ApiErrorResponse> ReservedUser() =>
        DirectLineRequests.Error(
            StatusCodes.Status403Forbidden,
            "Forbidden",
            $"User ids starting with \"{UserIdPrefix}\" belong to tokens; with the secret, name another user or none.");

    internal static JsonHttpResult<ApiErrorResponse> UnknownHost(HttpRequest request, ILogger logger)
    {
        logger.LogInformation("Direct Line refused a stream URL for a host that is not this service's; set {Key} or AllowedHosts to the address workers use", PublicAddress.BaseUrlKey);
        return DirectLineRequests.Error(
            StatusCodes.Status400BadRequest,
            "BadArgument",
            $"This service does not answer to the host \"{request.Host.Host}\": its operator sets {PublicAddress.BaseUrlKey} or AllowedHosts to the address clients use.");
    }

    private static JsonHttpResult<ApiErrorResponse>? CheckUser(StartUser? user) => user?.Id switch
    {
        null => null,
        { Length: 0 or > 256 } => DirectLineRequests.Error(StatusCodes.Status400BadRequest, "BadArgument", "\"user.id\" must have 1 to 256 characters."),
        _ => null,
    };

    private static string NewUserId() => DirectLineStore.NewId(UserIdPrefix);

    private static string? Trim(string? name) => name is { Length: > MaxUserNameLength } ? name[..MaxUserNameLength] : name;

    private static async Task<(StartBody? Body, JsonHttpResult<ApiErrorResponse>? Problem)> ReadStartBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (text, tooLarge) = await DirectLineRequests.ReadTextAsync(request.Body, request.ContentLength, MaxStartBodyBytes, "body", cancellationToken);
        if (tooLarge is not null)
        {
            return (null, tooLarge);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        try
        {
            return (JsonSerializer.Deserialize<StartBody>(text, JsonSerializerOptions.Web), null);
        }
        catch (JsonException)
        {
            return (null, DirectLineRequests.Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be JSON like { \"user\": { \"id\": \"...\" } }."));
        }
    }
}
