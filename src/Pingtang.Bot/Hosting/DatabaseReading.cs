using System.Data.Common;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// A gauge's reading of the database, taken at most once per <see cref="Freshness"/> however many scrapers, instances
/// of Prometheus or instruments ask, so that a scrape costs one short query per concern at most. Observable
/// instruments are read synchronously by design, so the query is a synchronous one (EF Core's, on every provider),
/// not an asynchronous one waited on. When the database cannot be read the reading is absent, not stale: Prometheus
/// then shows the series as missing rather than a count that is no longer true.
/// </summary>
public sealed class DatabaseReading<T>(Func<IServiceProvider, T> read, IServiceScopeFactory scopes, TimeProvider time, ILogger logger)
    where T : class
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private T? _value;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>The last reading while fresh, or a new one; null when the database could not be read.</summary>
    public T? Current()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _readAt < Freshness)
            {
                return _value;
            }

            _readAt = now;
            try
            {
                using var scope = scopes.CreateScope();
                _value = read(scope.ServiceProvider);
            }
            catch (DbException e)
            {
                logger.LogWarning("A metric could not read the database: {Error}", e.GetType().Name);
                _value = null;
            }

            return _value;
        }
    }
}
