using System.Globalization;
using Pingtang.Bot.Hosting;
using Pingtang.Domain.Outbox;

namespace Pingtang.Bot.Outbox;

/// <summary>
/// How the sender works, from <c>Outbox:…</c>: <c>QuietHours</c> (<c>22:00-08:00</c>, China time), <c>LeaseSeconds</c>
/// (120), <c>SweepSeconds</c> (2), <c>BatchSize</c> (50), <c>Parallelism</c> (8), <c>Enabled</c> (true), and
/// <c>MessagesPerSecond</c> (0: unpaced) with <c>Channels:{channel id}:MessagesPerSecond</c> for one channel.
/// </summary>
public sealed record OutboxOptions
{
    public required QuietHours QuietHours { get; init; }

    /// <summary>
    /// Longer than a batch can take — 50 messages, 8 at a time, each up to the connector's 10 s timeout — so a living
    /// sender never has its lease taken; and as short as that allows, since a dead sender's batch waits this long.
    /// </summary>
    public required TimeSpan Lease { get; init; }

    public required TimeSpan Sweep { get; init; }

    /// <summary>Also the bound on duplicates after a crash: at most the messages of the one batch leased at that moment.</summary>
    public required int BatchSize { get; init; }

    public required int Parallelism { get; init; }

    public required bool Enabled { get; init; }

    /// <summary>Messages a second on any channel without a rate of its own; 0 sends as fast as the channel takes them.</summary>
    public double DefaultMessagesPerSecond { get; init; }

    public IReadOnlyDictionary<string, double> ChannelMessagesPerSecond { get; init; } = new Dictionary<string, double>();

    public double MessagesPerSecond(string channelId) => ChannelMessagesPerSecond.GetValueOrDefault(channelId, DefaultMessagesPerSecond);

    public static OutboxOptions From(IConfiguration configuration) => SettingsReader.Read(configuration, From);

    /// <summary>The options, each wrong setting noted on <paramref name="settings"/> (the start-up check reads them so).</summary>
    internal static OutboxOptions From(SettingsReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new()
        {
            QuietHours = ParseQuietHours(settings),
            Lease = TimeSpan.FromSeconds(settings.Number("Outbox:LeaseSeconds", 120, 1)),
            Sweep = TimeSpan.FromSeconds(settings.Number("Outbox:SweepSeconds", 2.0, 0.01)),
            BatchSize = settings.Number("Outbox:BatchSize", 50, 1),
            Parallelism = settings.Number("Outbox:Parallelism", 8, 1),
            Enabled = settings.Flag("Outbox:Enabled", true),
            DefaultMessagesPerSecond = settings.Number("Outbox:MessagesPerSecond", 0.0, 0.0),
            ChannelMessagesPerSecond = settings.Configuration.GetSection("Outbox:Channels").GetChildren()
                .Where(c => c["MessagesPerSecond"] is not null)
                .ToDictionary(c => c.Key, c => settings.Number($"{c.Path}:MessagesPerSecond", 0.0, 0.0), StringComparer.Ordinal),
        };
    }

    private static QuietHours ParseQuietHours(SettingsReader settings)
    {
        const string key = "Outbox:QuietHours";
        if (settings.Text(key) is not { } text)
        {
            return QuietHours.Default;
        }

        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(parts[1], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            return new QuietHours(start, end);
        }

        settings.Wrong(key, $"must read like 22:00-08:00 (China time), not \"{text}\".");
        return QuietHours.Default;
    }
}
