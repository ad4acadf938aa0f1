using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.Broadcasts;

/// <summary>An <see cref="Audience"/> kept as one JSON column: it is read whole and never queried by its parts.</summary>
internal static class AudienceColumn
{
    // Enums by name: a value renumbered in a later version still reads as what it meant.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static PropertyBuilder<Audience> HasAudienceConversion(this PropertyBuilder<Audience> property)
    {
        property.HasConversion(a => JsonSerializer.Serialize(a, Json), s => JsonSerializer.Deserialize<Audience>(s, Json) ?? Audience.Everyone)
            .Metadata.SetValueComparer(new ValueComparer<Audience>((a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json), a => JsonSerializer.Serialize(a, Json).GetHashCode(StringComparison.Ordinal)));
        return property;
    }
}
