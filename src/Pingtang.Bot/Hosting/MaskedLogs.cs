using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// Mainland mobile numbers (also written 138 0013 8000 or +86 138-0013-8000) and resident ID numbers, 18 characters or
/// the old 15 digits, as they stand in free text, and how a log shows them: 138****8000, 5227**********123X. A number
/// counts only with no digit either side, and an ID only with a birth date in it, so amounts, epoch milliseconds
/// (1764000000000) and ticks pass untouched.
/// </summary>
public static partial class SensitiveNumbers
{
    // A mobile is the shortest of them: a line with no run of this many digits holds none, and costs one scan.
    private const int ShortestRun = 11;

    /// <summary>Whether <paramref name="text"/> has a run of 11 digits, counting a single space or dash between digits as part of it.</summary>
    public static bool MayHold(ReadOnlySpan<char> text)
    {
        var start = text.IndexOfAnyInRange('0', '9');
        if (start < 0)
        {
            return false;
        }

        var run = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                if (++run >= ShortestRun)
                {
                    return true;
                }
            }
            else if (!(text[i] is ' ' or '-' && run > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                run = 0;
            }
        }

        return false;
    }

    /// <summary><paramref name="text"/> with every mobile and ID number masked; the same instance when it holds none.</summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MayHold(text) ? Numbers().Replace(text, MaskOne) : text;
    }

    /// <summary><paramref name="text"/> with every ID number masked and mobiles left as they are; the same instance when it holds none.</summary>
    public static string MaskIdNumbers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MayHold(text) ? Numbers().Replace(text, m => m.Groups["mobile"].Success ? m.Value : MaskOne(m)) : text;
    }

    private static string MaskOne(Match match)
    {
        if (match.Groups["mobile"] is { Success: true } mobile)
        {
            var digits = string.Concat(mobile.Value.Where(char.IsAsciiDigit));
            return match.Groups["country"].Value + Keep(digits, 3, 4);
        }

        // The same as a complaint's stored mask: the prefecture and the last four, which a worker can confirm.
        return Keep(match.Value, 4, 4);
    }

    private static string Keep(string number, int head, int tail) =>
        string.Concat(number.AsSpan(0, head), new string('*', number.Length - head - tail), number.AsSpan(number.Length - tail));

    [GeneratedRegex(
        @"(?<!\d)(?:" +
        @"[1-8]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]" +
        @"|[1-8]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}" +
        @"|(?<country>\+?86[ -]?)?(?<mobile>1[3-9]\d(?:[ -]?\d){8})" +
        @")(?!\d)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Numbers();
}

public static class MaskedLogsExtensions
{
    /// <summary>
    /// Every logger of the host masks <see cref="SensitiveNumbers"/> before any provider — the console, or one a test
    /// or an operator adds — sees an entry. The factory is decorated rather than each provider so that the providers
    /// keep their own types, by which the <c>Logging:{Provider}</c> filters find them.
    /// </summary>
    public static ILoggingBuilder MaskPersonalNumbers(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new MaskingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>()))));
        return logging;
    }

    private sealed class MaskingLoggerFactory(LoggerFactory inner) : ILoggerFactory
    {
        private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

        public ILogger CreateLogger(string categoryName) =>
            _loggers.GetOrAdd(categoryName, static (category, factory) => new MaskingLogger(factory.CreateLogger(category)), inner);

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class MaskingLogger(ILogger inner) : ILogger
    {
        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull =>
            MayHold(state, static (s, _) => s.ToString() ?? "") && MaskedState.Of(state, state.ToString() ?? "") is { } masked
                ? inner.BeginScope(masked)
                : inner.BeginScope(state);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var shown = Shown(exception);
            if (MayHold(state, formatter) && MaskedState.Of(state, formatter(state, exception)) is { } masked)
            {
                inner.Log(logLevel, eventId, masked, shown, MaskedState.Format);
            }
            else
            {
                inner.Log(logLevel, eventId, state, shown, formatter);
            }
        }

        // Structured state is judged by its values, so that a clean line is never formatted here as well as by each
        // provider; any other state only by its message. Structured is any sequence of named values — a dictionary
        // too, as a scope often is — since that is what a JSON formatter writes out, name by name.
        private static bool MayHold<TState>(TState state, Func<TState, Exception?, string> formatter) => state switch
        {
            string text => SensitiveNumbers.MayHold(text),
            IReadOnlyList<KeyValuePair<string, object?>> values => AnyMayHold(values),
            IEnumerable<KeyValuePair<string, object?>> values => values.Any(v => MaskedState.MayHold(v.Value)) || SensitiveNumbers.MayHold(formatter(state, null)),
            _ => SensitiveNumbers.MayHold(formatter(state, null)),
        };

        // Indexed, not enumerated: the usual state is a struct whose enumerator would be one more allocation a line.
        private static bool AnyMayHold(IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (MaskedState.MayHold(values[i].Value))
                {
                    return true;
                }
            }

            return false;
        }

        private static Exception? Shown(Exception? exception)
        {
            if (exception is null || !MayHold(exception))
            {
                return exception;
            }

            var text = exception.ToString();
            var masked = SensitiveNumbers.Mask(text);
            return ReferenceEquals(masked, text) ? exception : new MaskedException(exception, masked);
        }

        private static bool MayHold(Exception exception) =>
            SensitiveNumbers.MayHold(exception.Message)
            || (exception is AggregateException all ? all.InnerExceptions.Any(MayHold) : exception.InnerException is { } inner && MayHold(inner));
    }

    /// <summary>An entry's state as providers are given it once it held a number: the masked message and values.</summary>
    private sealed class MaskedState(string message, IReadOnlyList<KeyValuePair<string, object?>> values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public static readonly Func<MaskedState, Exception?, string> Format = (state, _) => state.ToString();

        public int Count => values.Count;

        public KeyValuePair<string, object?> this[int index] => values[index];

        /// <summary>The masked form of an entry whose pre-check passed; null when there was nothing to mask after all (1764000000000).</summary>
        public static MaskedState? Of<TState>(TState state, string message)
        {
            var maskedMessage = SensitiveNumbers.Mask(message);
            var changed = !ReferenceEquals(maskedMessage, message);
            var values = new List<KeyValuePair<string, object?>>();
            foreach (var (key, value) in state as IEnumerable<KeyValuePair<string, object?>> ?? [])
            {
                var masked = Masked(value);
                changed |= !ReferenceEquals(masked, value);
                values.Add(new(key, masked));
            }

            return changed ? new(maskedMessage, values) : null;
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;

        public static bool MayHold(object? value) => value switch
        {
            null => false,
            string text => SensitiveNumbers.MayHold(text),
            // Their text never has 11 digits in a row: skipped without formatting.
            int or uint or short or ushort or byte or sbyte or bool or char or float or Enum or Guid or DateTime or DateTimeOffset or TimeSpan or DateOnly or TimeOnly => false,
            IEnumerable items => items.Cast<object?>().Any(MayHold),
            _ => SensitiveNumbers.MayHold(Convert.ToString(value, CultureInfo.InvariantCulture)),
        };

        // A value that held a number becomes its masked text, a list as the message shows it; any other stays itself.
        private static object? Masked(object? value)
        {
            if (!MayHold(value))
            {
                return value;
            }

            var text = value is IEnumerable items and not string ? string.Join(", ", items.Cast<object?>()) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            var masked = SensitiveNumbers.Mask(text);
            return ReferenceEquals(masked, text) ? value : masked;
        }
    }
}

/// <summary>
/// What providers are given in place of an exception whose messages hold a number: its whole text — type, messages,
/// stack, inner exceptions — masked. A provider that looks at the exception's type sees this one; that is the price of
/// never handing it the original, and only such exceptions pay it.
/// </summary>
public sealed class MaskedException : Exception
{
    private readonly string _text;
    private readonly string? _stackTrace;

    /// <param name="text">The original's <see cref="Exception.ToString"/>, masked.</param>
    public MaskedException(Exception original, string text)
        : base(SensitiveNumbers.Mask(original?.Message ?? ""))
    {
        ArgumentNullException.ThrowIfNull(original);
        _text = text;
        _stackTrace = original.StackTrace;
        HResult = original.HResult;
        Source = original.Source;
    }

    public override string? StackTrace => _stackTrace;

    public override string ToString() => _text;
}
