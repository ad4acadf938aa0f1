using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pingtang.Bot.Tests.Support;

/// <summary>Keeps every log entry a host writes, for tests of what an operator would read in the log.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public IReadOnlyList<LogEntry> AtLeast(LogLevel level) => [.. Entries.Where(e => e.Level >= level)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            recorder.Entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception)
            {
                Values = state is IReadOnlyList<KeyValuePair<string, object?>> values ? [.. values] : [],
            });
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception)
{
    /// <summary>The structured values, as a provider that writes them (JSON to a log store) is given them.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Values { get; init; } = [];

    /// <summary>Everything of the entry a provider could write: the message, each value, the exception's whole text.</summary>
    public string Written => string.Join('\n', [Message, .. Values.Select(v => $"{v.Key}={v.Value}"), Exception?.ToString() ?? ""]);

    public override string ToString() => $"{Level} {Category}: {Message} {Exception?.GetType().Name}";
}
