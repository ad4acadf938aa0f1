using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Hosting;

/// <summary>
/// The log as an operator ships it, one JSON object a line (<c>Logging:Console:FormatterName=json</c>): no phone or ID
/// number in its message, its state's values or its scopes, however the code handed them to the logger.
/// </summary>
public sealed class JsonLogsTests : IDisposable
{
    private const string Mobile = "13800138000";
    private const string OtherMobile = "13912345678";
    private const string IdNumber = "522701199003071234";

    private readonly JsonLines _lines = new();
    private readonly PingtangFactory _factory;

    public JsonLogsTests() => _factory = new PingtangFactory(
        new Dictionary<string, string?>
        {
            ["Logging:Console:FormatterName"] = "json",
            ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",
        },
        services: s => s.AddSingleton<ILoggerProvider>(sp => _lines.Using(sp)));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void The_console_writes_json_when_configured_and_masks_the_message_the_state_and_the_scopes()
    {
        var logger = _factory.Services.GetRequiredService<ILogger<JsonLogsTests>>();

        using (logger.BeginScope(new Dictionary<string, object?> { ["Caller"] = OtherMobile }))
        using (logger.BeginScope("Conversation {ConversationId}", $"conv-{Mobile}"))
        {
            logger.LogInformation("Worker {Phone} gave {IdNumber}", Mobile, IdNumber);
        }

        Assert.Equal("json", _lines.FormatterName);
        var line = Assert.Single(_lines.Written, l => l.Contains("Worker", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("Worker 138****8000 gave 5227**********1234", root.GetProperty("Message").GetString());
        var state = root.GetProperty("State");
        Assert.Equal("Worker {Phone} gave {IdNumber}", state.GetProperty("{OriginalFormat}").GetString());
        Assert.Equal("138****8000", state.GetProperty("Phone").GetString());
        Assert.Equal("5227**********1234", state.GetProperty("IdNumber").GetString());
        var scopes = root.GetProperty("Scopes").EnumerateArray().ToList();
        Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("Caller", out var caller) && caller.GetString() == "139****5678");
        Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("ConversationId", out var id) && id.GetString() == "conv-138****8000");
        AssertNoNumbers(line);
    }

    [Fact]
    public void A_state_that_is_a_dictionary_is_masked_in_the_json_as_well()
    {
        var logger = _factory.Services.GetRequiredService<ILogger<JsonLogsTests>>();

        logger.Log(LogLevel.Warning, new EventId(7), new Dictionary<string, object?> { ["Phone"] = Mobile }, null, (_, _) => "Dictionary state");

        var line = Assert.Single(_lines.Written, l => l.Contains("Dictionary state", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("138****8000", json.RootElement.GetProperty("State").GetProperty("Phone").GetString());
        AssertNoNumbers(line);
    }

    private static void AssertNoNumbers(string line)
    {
        Assert.DoesNotContain(Mobile, line, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherMobile, line, StringComparison.Ordinal);
        Assert.DoesNotContain(IdNumber, line, StringComparison.Ordinal);
    }

    /// <summary>
    /// A provider of the host, like the console, that writes each entry through the formatter the console is
    /// configured with, so the test reads what the console would print.
    /// </summary>
    private sealed class JsonLines : ILoggerProvider, ISupportExternalScope
    {
        private ConsoleFormatter? _formatter;
        private IExternalScopeProvider? _scopes;

        public ConcurrentQueue<string> Written { get; } = new();

        public string? FormatterName => _formatter?.Name;

        public JsonLines Using(IServiceProvider services)
        {
            var name = services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
            _formatter = services.GetServices<ConsoleFormatter>().Single(f => f.Name == name);
            return this;
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(JsonLines lines, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => lines._scopes?.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                using var writer = new StringWriter();
                lines._formatter!.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), lines._scopes, writer);
                lines.Written.Enqueue(writer.ToString());
            }
        }
    }
}
