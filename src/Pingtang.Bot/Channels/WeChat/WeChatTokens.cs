using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Channels.WeChat;

/// <summary>
/// The Official Account's access_token, shared by every instance through <see cref="WeChatAccessToken"/>: a token in
/// the database is used until five minutes before it expires, and then the caller that claims the lease fetches the
/// next one from <c>/cgi-bin/stable_token</c> while everyone else keeps using the old one — WeChat keeps the old
/// token working for those five minutes and gives out the new one only within them. Only a caller with no working
/// token waits for the lease holder, and for at most <see cref="WaitForHolder"/>. Refreshing happens on the callers'
/// way rather than on a timer: an idle service fetches nothing, a busy one no more than once per token, and a timer in
/// every instance would still need the lease to decide which of them fetches.
/// </summary>
/// <remarks>
/// <c>stable_token</c> in its normal mode, not <c>/cgi-bin/token</c>: each call of that one ends the token before it,
/// so two instances fetching would stop each other's; the normal mode gives every caller the same current token.
/// </remarks>
public sealed class WeChatTokens(
    IDbContextFactory<BotDb> databases,
    IHttpClientFactory clients,
    WeChatOptions options,
    TimeProvider time,
    ILogger<WeChatTokens> logger)
{
    /// <summary>WeChat's own handover: in a token's last five minutes <c>stable_token</c> gives out the next one.</summary>
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);

    /// <summary>Less than this left and a token is not handed out at all: a call takes seconds, a retry a few more.</summary>
    public static readonly TimeSpan MinimumLeft = TimeSpan.FromMinutes(1);

    /// <summary>Longer than a renewal can take: two calls of <c>stable_token</c> at the client's timeout, and the database.</summary>
    public static readonly TimeSpan Lease = WeChatChannel.Timeout * 2 + TimeSpan.FromSeconds(5);

    /// <summary>Longer than <see cref="Lease"/>, so a caller waiting on a holder that died takes the lease over.</summary>
    public static readonly TimeSpan WaitForHolder = Lease + TimeSpan.FromSeconds(5);

    private const string StableTokenPath = "cgi-bin/stable_token";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    private readonly Lock _lock = new();
    private Kept? _kept;
    private Task<Kept>? _renewing;

    /// <summary>A token with at least a few minutes left, normally; at least <see cref="MinimumLeft"/> while another instance fetches the next.</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_kept is { } kept && time.GetUtcNow() < kept.RefreshAt)
        {
            return kept.Token;
        }

        return (await RenewAsync(rejected: null, cancellationToken)).Token;
    }

    /// <summary>
    /// A token in place of <paramref name="rejected"/>, which WeChat has just refused (40001, 40014, 42001). Callers
    /// that were refused the same token get one new token between them: it is fetched only while the stored token is
    /// still the refused one. The normal mode of <c>stable_token</c> already answers with the current token when the
    /// refused one has expired or was replaced (a forced refresh by another program on the same account);
    /// <c>force_refresh</c>, which WeChat allows 20 times a day and ends the token every other caller holds, is
    /// used only when the normal mode gives back the very token that was refused.
    /// </summary>
    public async Task<string> RefreshAsync(string rejected, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(rejected);
        if (_kept is { } kept && kept.Token != rejected && kept.IsUsable(time.GetUtcNow()))
        {
            return kept.Token;
        }

        return (await RenewAsync(rejected, cancellationToken)).Token;
    }

    /// <summary>
    /// One renewal at a time in this instance, which every caller that needs one joins: one fetch for them all, and
    /// when WeChat is away one timeout for them all instead of one after another. A caller that joined a renewal
    /// begun for another reason and is not served by its token (refused that very token) begins its own.
    /// </summary>
    private async Task<Kept> RenewAsync(string? rejected, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task<Kept> renewal;
            bool begun;
            lock (_lock)
            {
                begun = _renewing is null;
                // Not the caller's token: the renewal serves every caller that joins it, and its calls have their timeouts.
                renewal = _renewing ??= Task.Run(() => RenewAndForgetAsync(rejected), CancellationToken.None);
            }

            var kept = await renewal.WaitAsync(cancellationToken);
            if (begun || rejected is null || kept.Token != rejected)
            {
                return kept;
            }
        }
    }

    private async Task<Kept> RenewAndForgetAsync(string? rejected)
    {
        try
        {
            var kept = await RenewFromDatabaseAsync(rejected);
            _kept = kept;
            return kept;
        }
        finally
        {
            // RenewAsync holds the lock from starting this renewal to recording it, so this never clears it before it
            // was recorded, and no other renewal begins until this one is cleared.
            lock (_lock)
            {
                _renewing = null;
            }
        }
    }

    private async Task<Kept> RenewFromDatabaseAsync(string? rejected)
    {
        var appId = options.AppId ?? throw new InvalidOperationException("WeChat:AppId is not set: there is no Official Account to fetch an access_token for.");
        var deadline = time.GetUtcNow() + WaitForHolder;
        while (true)
        {
            await using var db = await databases.CreateDbContextAsync();
            var now = time.GetUtcNow();
            var stored = await db.Set<WeChatAccessToken>().AsNoTracking().SingleOrDefaultAsync(t => t.AppId == appId);
            var current = stored is { Token: { } token } ? new Kept(token, Utc(stored.RefreshAt), Utc(stored.ExpiresAt)) : null;
            if (current is not null && (rejected is null ? now < current.RefreshAt : current.Token != rejected && current.IsUsable(now)))
            {
                return current;
            }

            if (stored is null)
            {
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "WeChatAccessTokens" ("AppId", "RefreshAt", "ExpiresAt") VALUES ({appId}, {DateTime.MinValue}, {DateTime.MinValue}) ON CONFLICT DO NOTHING""");
            }

            if (await ClaimAsync(db, appId, rejected, now) is { } holder)
            {
                return await FetchAsync(db, appId, holder, rejected);
            }

            // Another instance is fetching: a token that still works serves in the meantime.
            if (rejected is null && current is not null && current.IsUsable(now))
            {
                return current;
            }

            if (now >= deadline)
            {
                throw new TimeoutException($"No WeChat access_token after waiting {WaitForHolder.TotalSeconds:0} s for the instance that is fetching it.");
            }

            await Task.Delay(Poll, time);
        }
    }

    /// <summary>
    /// Takes the lease when it is free and the stored token still needs replacing — none yet, the refused one, or one
    /// due — in one statement, so of two instances that both saw it due only one gets it, and one that comes after the
    /// new token was stored gets none.
    /// </summary>
    private async Task<string?> ClaimAsync(BotDb db, string appId, string? rejected, DateTimeOffset now)
    {
        var holder = Guid.NewGuid().ToString("N");
        var nowUtc = now.UtcDateTime;
        var until = (now + Lease).UtcDateTime;
        var claimed = await db.Set<WeChatAccessToken>()
            .Where(t => t.AppId == appId && (t.LeaseUntil == null || t.LeaseUntil <= nowUtc))
            .Where(t => t.Token == null || t.Token == rejected || t.RefreshAt <= nowUtc)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseHolder, holder).SetProperty(t => t.LeaseUntil, until));
        return claimed == 1 ? holder : null;
    }

    private async Task<Kept> FetchAsync(BotDb db, string appId, string holder, string? rejected)
    {
        Kept fetched;
        try
        {
            fetched = await StableTokenAsync(appId, forceRefresh: false);
            if (rejected is not null && fetched.Token == rejected)
            {
                logger.LogWarning("WeChat refused its current access_token for {AppId} and gives it out again; asking for a new one with force_refresh, which ends it for every other program on the account", appId);
                fetched = await StableTokenAsync(appId, forceRefresh: true);
            }
        }
        catch
        {
            // Not to keep everyone else waiting until the lease runs out.
            await db.Set<WeChatAccessToken>().Where(t => t.AppId == appId && t.LeaseHolder == holder)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseHolder, (string?)null).SetProperty(t => t.LeaseUntil, (DateTime?)null));
            throw;
        }

        // Stored only while the lease is still ours. Had it run out and been taken, the token is good all the same:
        // the normal mode gives that holder this same token.
        await db.Set<WeChatAccessToken>().Where(t => t.AppId == appId && t.LeaseHolder == holder)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Token, fetched.Token)
                .SetProperty(t => t.RefreshAt, fetched.RefreshAt.UtcDateTime)
                .SetProperty(t => t.ExpiresAt, fetched.ExpiresAt.UtcDateTime)
                .SetProperty(t => t.LeaseHolder, (string?)null)
                .SetProperty(t => t.LeaseUntil, (DateTime?)null));
        return fetched;
    }

    private async Task<Kept> StableTokenAsync(string appId, bool forceRefresh)
    {
        var secret = options.AppSecret ?? throw new InvalidOperationException("WeChat:AppSecret is not set: no access_token can be fetched.");
        var http = clients.CreateClient(WeChatChannel.HttpClientName);
        var body = new { grant_type = "client_credential", appid = appId, secret, force_refresh = forceRefresh };
        var answer = await WeChatJson.PostAsync(http, StableTokenPath, "", body, CancellationToken.None);
        var now = time.GetUtcNow();
        if (answer is not { AccessToken.Length: > 0 and <= WeChatAccessToken.MaxTokenLength, ExpiresIn: > 0 })
        {
            throw new HttpRequestException(HttpRequestError.InvalidResponse, $"WeChat answered {StableTokenPath} with no usable access_token or expires_in.");
        }

        // WeChat promises at least 300 s; one with less than twice the handover is used for half its life, so that a
        // short-lived token is not fetched again at every call.
        var lifetime = TimeSpan.FromSeconds(answer.ExpiresIn);
        var ahead = lifetime / 2 < RefreshAhead ? lifetime / 2 : RefreshAhead;
        logger.LogInformation("Fetched a WeChat access_token for {AppId}, valid for {Seconds} s", appId, answer.ExpiresIn);
        return new Kept(answer.AccessToken, now + lifetime - ahead, now + lifetime);
    }

    private static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    private sealed record Kept(string Token, DateTimeOffset RefreshAt, DateTimeOffset ExpiresAt)
    {
        public bool IsUsable(DateTimeOffset now) => now < ExpiresAt - MinimumLeft;
    }
}
