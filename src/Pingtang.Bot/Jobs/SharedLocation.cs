using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Pingtang.Bot.Menu;
using Pingtang.Domain.Jobs;

namespace Pingtang.Bot.Jobs;

/// <summary>
/// A location the worker shared — WeChat's 位置, or a Bot Framework <c>GeoCoordinates</c> entity from any channel —
/// starts the job search at the open postings nearest to it, whatever the worker was in the middle of. Numbers that
/// are no place on Earth get a word and leave the worker where they were.
/// </summary>
public sealed class SharedLocation : IMessageShortcut
{
    public const string EntityType = "GeoCoordinates";

    public MessageClaim? Match(IMessageActivity message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Entities?.FirstOrDefault(e => e.Type == EntityType) is not { } entity)
        {
            return null;
        }

        return Point(entity) is { } point
            ? MessageClaim.Begin(JobSearchDialog.DialogId, new JobSearchFlow { Near = point })
            : MessageClaim.Refuse(JobTexts.LocationUnreadable);
    }

    private static GeoPoint? Point(Entity entity)
    {
        try
        {
            var shared = entity.GetAs<GeoCoordinates>();
            return shared.Latitude is { } latitude && shared.Longitude is { } longitude ? GeoPoint.Of(latitude, longitude) : null;
        }
        catch (JsonException)
        {
            // A client's entity with words where the numbers go ("latitude": "north").
            return null;
        }
    }
}
