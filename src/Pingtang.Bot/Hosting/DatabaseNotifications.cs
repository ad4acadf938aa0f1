using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// What a feature on one instance hears of another's changes, on PostgreSQL (<c>NOTIFY</c> / <c>LISTEN</c>): the
/// feature registers a handler of its channel, and this service keeps one listening connection per instance and
/// hands each notification to the handlers of its channel, in the order they came. Nothing happens on SQLite, where
/// there is one instance.
/// </summary>
public sealed class DatabaseNotifications(Database database, IEnumerable<IDatabaseNotificationHandler> handlers, TimeProvider time, ILogger<DatabaseNotifications> logger) : BackgroundService
{
    /// <summary>How the listening connection's application name ends, so pg_stat_activity tells it from the pool's.</summary>
    public const string ApplicationNameEnding = "listening";

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    private readonly ILookup<string, IDatabaseNotificationHandler> _handlers = handlers.ToLookup(h => h.Channel, StringComparer.Ordinal);

    /// <summary>Notifies <paramref name="channel"/> when <paramref name="db"/>'s transaction commits (at once outside one).</summary>
    public static Task NotifyAsync(DbContext db, string channel, string payload, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlAsync($"SELECT pg_notify({channel}, {payload})", cancellationToken)
            : Task.CompletedTask;

    /// <summary>Notifies <paramref name="channel"/> now, on a connection of the pool.</summary>
    public static async Task NotifyAsync(Database database, string channel, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var notify = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection) { Parameters = { new() { Value = channel }, new() { Value = payload } } };
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.IsPostgres || _handlers.Count == 0)
        {
            return;
        }

        var heard = Channel.CreateUnbounded<(string Channel, string? Payload)>(new UnboundedChannelOptions { SingleReader = true });
        var handling = HandleAsync(heard.Reader, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(heard.Writer, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                logger.LogWarning(e, "Listening to the other instances stopped; listening again in {Seconds} s", Reconnect.TotalSeconds);
                try
                {
                    await Task.Delay(Reconnect, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        heard.Writer.TryComplete();
        await handling;
    }

    private async Task ListenAsync(ChannelWriter<(string Channel, string? Payload)> heard, CancellationToken stoppingToken)
    {
        // Not from the pool: it is held as long as the instance runs, and a broken one is simply made anew.
        var listening = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 30 };
        listening.ApplicationName = $"{listening.ApplicationName ?? "pingtang"} {ApplicationNameEnding}";
        await using var connection = new NpgsqlConnection(listening.ConnectionString);
        await connection.OpenAsync(stoppingToken);
        connection.Notification += (_, notification) => heard.TryWrite((notification.Channel, notification.Payload));
        // A channel name is an identifier, not a value: each is one of our constants, quoted. One batch, so the
        // connection is idle again (pg_stat_activity) only once it hears every channel.
        await using (var listen = new NpgsqlCommand(string.Concat(_handlers.Select(h => $"LISTEN \"{h.Key}\";")), connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Whatever was notified while nobody listened (the start, a reconnect) is lost: each handler is told so.
        foreach (var channel in _handlers.Select(h => h.Key))
        {
            heard.TryWrite((channel, null));
        }

        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    private async Task HandleAsync(ChannelReader<(string Channel, string? Payload)> heard, CancellationToken stoppingToken)
    {
        await foreach (var (channel, payload) in heard.ReadAllAsync(CancellationToken.None))
        {
            foreach (var handler in _handlers[channel])
            {
                try
                {
                    await handler.OnNotifiedAsync(payload, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "A notification on {Channel} could not be handled", channel);
                }
            }
        }
    }
}

/// <summary>A feature's part in <see cref="DatabaseNotifications"/>: its channel, and what it does with what is heard there.</summary>
public interface IDatabaseNotificationHandler
{
    /// <summary>A lower-case name of the feature's own, such as <c>pingtang_directline</c>.</summary>
    string Channel { get; }

    /// <summary>A notification's payload; or null when some may have been missed (the listening connection was new).</summary>
    Task OnNotifiedAsync(string? payload, CancellationToken cancellationToken);
}
