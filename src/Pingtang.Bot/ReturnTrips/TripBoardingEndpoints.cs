using Microsoft.AspNetCore.RateLimiting;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Staff;
using Pingtang.Domain.ReturnTrips;

namespace Pingtang.Bot.ReturnTrips;

/// <summary>
/// The 车长's boarding page, <c>/trips/board/{key}</c>: no staff account, the key in the link staff gave them is the
/// credential. It lists the departure's confirmed travellers by pickup point with their phones (the 车长 calls
/// them), never an ID number, and a big 已上车 / 撤销 button each — a plain form post, so it works without script
/// on any phone. A wrong or renewed key gets the same 404 whatever it was, and each address may try only so many
/// times a minute.
/// </summary>
public static class TripBoardingEndpoints
{
    public const string Path = "/trips/board";

    public const string RateLimitPolicy = "trip-boarding";

    /// <summary>The limiter's setting: requests a minute per client address to the boarding page.</summary>
    public const string PerMinuteKey = "ReturnTrips:BoardingRequestsPerMinute";

    public static IServiceCollection AddBoardingRateLimit(this IServiceCollection services)
    {
        // The Direct Line channel adds the limiter and its middleware; this adds one more policy to it.
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            // A 车长 taps a few times a minute per traveller boarding (each tap a post and a page); a guesser needs
            // 2^128 tries. Generous, since a bus's phones may share one carrier address.
            var perMinute = configuration.GetValue(PerMinuteKey, 120);
            options.AddPolicy(RateLimitPolicy, http => SharedRateLimits.PerClient(http, RateLimitPolicy, perMinute));
        });
        return services;
    }

    public static WebApplication MapTripBoarding(this WebApplication app)
    {
        var board = app.MapGroup(Path).RequireRateLimiting(RateLimitPolicy).RequireStaffForm();
        board.AddEndpointFilter(async (context, next) =>
        {
            // Names and phones: nothing a browser or proxy should keep, nothing a search engine should list.
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            context.HttpContext.Response.Headers["X-Robots-Tag"] = "noindex";
            return await next(context);
        });
        board.MapGet("/{key}", PageAsync);
        board.MapPost("/{key}/{travellerId:int}", MarkAsync);
        return app;
    }

    /// <summary>The link to give the 车长: absolute when the service knows its public address, else the path alone.</summary>
    public static string Link(ReturnTrip trip, Uri? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(trip);
        var path = $"{Path}/{trip.BoardingKey}";
        return baseUrl is null ? path : $"{baseUrl.ToString().TrimEnd('/')}{path}";
    }

    private static async Task<IResult> PageAsync(string key, TripBoarding boarding, CancellationToken cancellationToken) =>
        await boarding.FindAsync(key, cancellationToken) is { } list
            ? ConsolePage.Show<BoardingPage>(new { Passengers = list, Key = key })
            : NotFound();

    private static async Task<IResult> MarkAsync(string key, int travellerId, HttpContext http, TripBoarding boarding, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var boarded = (await http.Request.ReadFormAsync(cancellationToken))["boarded"] == "1";
        if (!await boarding.MarkAsync(key, travellerId, boarded, cancellationToken))
        {
            return NotFound();
        }

        loggers.CreateLogger(typeof(TripBoardingEndpoints)).LogInformation("The trip leader marked traveller {TravellerId} boarded: {Boarded}", travellerId, boarded);
        // Back to the traveller's row, so the 车长 stays where they were in a long list.
        return Results.Redirect($"{Path}/{key}#t{travellerId}");
    }

    private static IResult NotFound() => ConsolePage.Show<BoardingNotFoundPage>(new { }, StatusCodes.Status404NotFound);
}
