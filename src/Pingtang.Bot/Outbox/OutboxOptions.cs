using System.Globalization;
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

    public static OutboxOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Outbox");
        return new()
        {
            QuietHours = ParseQuietHours(section["QuietHours"]),
            Lease = TimeSpan.FromSeconds(section.GetValue("LeaseSeconds", 120)),
            Sweep = TimeSpan.FromSeconds(section.GetValue("SweepSeconds", 2.0)),
            BatchSize = section.GetValue("BatchSize", 50),
            Parallelism = section.GetValue("Parallelism", 8),
            Enabled = section.GetValue("Enabled", true),
            DefaultMessagesPerSecond = Rate(section, "Outbox:MessagesPerSecond"),
            ChannelMessagesPerSecond = section.GetSection("Channels").GetChildren()
                .Where(c => c["MessagesPerSecond"] is not null)
                .ToDictionary(c => c.Key, c => Rate(c, $"Outbox:Channels:{c.Key}:MessagesPerSecond"), StringComparer.Ordinal),
        };
    }

    private static double Rate(IConfiguration section, string name) =>
        section.GetValue("MessagesPerSecond", 0.0) is var rate && rate >= 0 ? rate : throw new InvalidOperationException($"{name} must be 0 (unpaced) or more, not {rate}.");

    private static QuietHours ParseQuietHours(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return QuietHours.Default;
        }

        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(parts[1], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
                ? new QuietHours(start, end)
                : throw new InvalidOperationException($"Outbox:QuietHours must read like 22:00-08:00 (China time), not \"{text}\".");
    }
}
