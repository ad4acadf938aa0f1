using Microsoft.Bot.Schema;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Menu;
using Pingtang.Domain.Jobs;

namespace Pingtang.Bot.Jobs;

/// <summary>
/// A location the worker shared (WeChat's 位置, or a Bot Framework <c>GeoCoordinates</c> entity from any channel):
/// the open postings of the nearest place that has some, by the places' centroids, as the job search's own results —
/// so a number opens one and 我要报名 applies, as after any search.
/// </summary>
public sealed class JobNearbyDialog() : Dialog(DialogId)
{
    public const string DialogId = "jobs.nearby";

    /// <summary>Begun with the shared point, or with null when the location's numbers are no place on Earth.</summary>
    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (options is not GeoPoint point)
        {
            await dc.SendAsync(JobTexts.LocationUnreadable, cancellationToken);
            return await dc.EndAsync(null, cancellationToken);
        }

        var age = await JobSearchDialog.WorkerAgeAsync(dc, cancellationToken);
        if (await dc.Services.GetRequiredService<JobSearch>().NearestPlaceAsync(point, age, cancellationToken) is not { } place)
        {
            await dc.SendAsync(JobTexts.NothingAtAll, cancellationToken);
            return await dc.EndAsync(null, cancellationToken);
        }

        await dc.SendAsync(DialogTexts.Format(JobTexts.NearestPlace, place.Name, Math.Max(1, (int)Math.Round(place.Kilometres))), cancellationToken);
        return await dc.ReplaceAsync(JobSearchDialog.DialogId, new JobSearchFlow { Query = place.Query }, cancellationToken);
    }
}

/// <summary>A message carrying a location starts <see cref="JobNearbyDialog"/>, whatever the worker was in the middle of.</summary>
public sealed class SharedLocation : IMessageShortcut
{
    public const string EntityType = "GeoCoordinates";

    public MenuShortcut? Match(IMessageActivity message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Entities?.FirstOrDefault(e => e.Type == EntityType)?.GetAs<GeoCoordinates>() is { } shared
            ? new(JobNearbyDialog.DialogId, GeoPoint.Of(shared.Latitude ?? double.NaN, shared.Longitude ?? double.NaN))
            : null;
    }
}
