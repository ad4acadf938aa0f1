using Microsoft.Bot.Builder;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Pingtang.Bot.Hosting.State;

/// <summary>
/// Bot Builder's <see cref="IStorage"/> over our own database, so conversation and user state survive restarts and
/// are shared by every instance. Concurrency follows Bot Builder's storages: an item that carries an ETag (an
/// <see cref="IStoreItem"/>, or state read back from here, which carries <c>ETag</c>) is written only if nobody wrote
/// it since; <c>"*"</c> or no ETag writes unconditionally.
/// </summary>
public sealed class EfStorage(IDbContextFactory<BotDb> dbFactory, TimeProvider time) : IStorage
{
    private const string ETagProperty = "ETag";

    // No type names in stored JSON: a document must never choose which .NET type gets created when it is read.
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
    });

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<StoredState>().AsNoTracking()
            .Where(s => keys.Contains(s.Key))
            .ToListAsync(cancellationToken);

        var items = new Dictionary<string, object>(rows.Count);
        foreach (var row in rows)
        {
            var document = JObject.Parse(row.Json);
            document[ETagProperty] = row.ETag;
            items[row.Key] = document.ToObject<object>(Serializer)!;
        }

        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var (key, value) in changes)
        {
            var document = JObject.FromObject(value, Serializer);
            var expected = ExpectedETag(value);
            document.Remove(ETagProperty);
            var json = document.ToString(Formatting.None);
            var next = Guid.NewGuid().ToString("N");

            // The check and the write are one statement, so two writers holding the same ETag cannot both win.
            var updated = await db.Set<StoredState>()
                .Where(s => s.Key == key && (expected == null || s.ETag == expected))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(x => x.Json, json).SetProperty(x => x.ETag, next).SetProperty(x => x.UpdatedAt, now),
                    cancellationToken);
            if (updated == 1)
            {
                continue;
            }

            if (expected is not null && await db.Set<StoredState>().AnyAsync(s => s.Key == key, cancellationToken))
            {
                throw new StorageETagConflictException(key, expected);
            }

            db.Add(new StoredState { Key = key, Json = json, ETag = next, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Someone created the item between our update and our insert.
                throw new StorageETagConflictException(key, expected);
            }
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<StoredState>().Where(s => keys.Contains(s.Key)).ExecuteDeleteAsync(cancellationToken);
    }

    private static string? ExpectedETag(object value)
    {
        var etag = value switch
        {
            IStoreItem item => item.ETag,
            JObject document => document.Value<string>(ETagProperty),
            IDictionary<string, object> state when state.TryGetValue(ETagProperty, out var e) => e?.ToString(),
            _ => null,
        };
        return etag is null or "*" ? null : etag;
    }
}

/// <summary>
/// A write lost to a newer one. Like Bot Builder's own storages, the message starts with "Etag conflict".
/// </summary>
public sealed class StorageETagConflictException(string key, string? expected)
    : Exception($"Etag conflict.\r\n\r\nKey: {key}\r\nOriginal: {expected ?? "(none)"}");
