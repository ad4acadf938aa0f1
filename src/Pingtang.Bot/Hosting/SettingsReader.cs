using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// Reads settings by the rules they must follow and notes every wrong one, with what is wrong and what is expected,
/// instead of stopping at the first: <see cref="SettingsCheck"/> reports them all at start-up. A wrong value reads
/// as its default, so reading can go on. Values are quoted in a note only when they are no secret.
/// </summary>
public sealed class SettingsReader(IConfiguration configuration)
{
    private readonly List<string> _problems = [];

    private readonly HashSet<string> _wrongKeys = new(StringComparer.OrdinalIgnoreCase);

    public IConfiguration Configuration => configuration;

    /// <summary>One line per wrong key: the key, what is wrong, what is expected.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>
    /// What <paramref name="read"/> makes of <paramref name="configuration"/>, for a service built from it; wrong
    /// settings throw here only where the start-up check did not run first (a test that builds the options alone).
    /// </summary>
    public static T Read<T>(IConfiguration configuration, Func<SettingsReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var settings = new SettingsReader(configuration);
        var value = read(settings);
        return settings.Problems.Count == 0 ? value : throw new InvalidOperationException(string.Join(Environment.NewLine, settings.Problems));
    }

    /// <summary>
    /// Notes that <paramref name="key"/> is wrong; <paramref name="problem"/> follows the key in the line. One line a
    /// key: the first thing wrong with it, since fixing that may change what else is.
    /// </summary>
    public void Wrong(string key, string problem)
    {
        if (_wrongKeys.Add(key))
        {
            _problems.Add($"{key} {problem}");
        }
    }

    /// <summary>The value, or null when it is unset or blank (as an environment variable left empty gives).</summary>
    public string? Text(string key) => configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>
    /// A whole (int, long) or decimal (double) number of at least <paramref name="min"/>, written as the configuration
    /// binder reads one (no thousands separators), since some readers of the setting use <c>GetValue</c>.
    /// </summary>
    public T Number<T>(string key, T defaultValue, T min)
        where T : struct, INumber<T>
    {
        if (Text(key) is not { } text)
        {
            return defaultValue;
        }

        if (!T.TryParse(text, IsWhole<T>() ? NumberStyles.Integer : NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            Wrong(key, string.Create(CultureInfo.InvariantCulture, $"is \"{text}\"; it must be a {(IsWhole<T>() ? "whole " : "")}number {min} or more."));
            return defaultValue;
        }

        return value;
    }

    public bool Flag(string key, bool defaultValue)
    {
        if (Text(key) is not { } text)
        {
            return defaultValue;
        }

        if (!bool.TryParse(text, out var value))
        {
            Wrong(key, $"is \"{text}\"; it must be true or false.");
            return defaultValue;
        }

        return value;
    }

    /// <summary>One of <paramref name="choices"/>, any case, spelt as the choice is; the first when unset.</summary>
    public string Choice(string key, params string[] choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (Text(key) is not { } text)
        {
            return choices[0];
        }

        if (choices.FirstOrDefault(c => c.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } choice)
        {
            return choice;
        }

        Wrong(key, $"is \"{text}\"; it must be {string.Join(" or ", choices)}.");
        return choices[0];
    }

    /// <summary>An absolute http or https URL without query or fragment; null when unset or wrong.</summary>
    public Uri? HttpUrl(string key, string example)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0)
        {
            return uri;
        }

        Wrong(key, $"must be an absolute http or https URL without query, such as {example}, not \"{text}\".");
        return null;
    }

    /// <summary>Comma-separated entries each <paramref name="parse"/> reads; the wrong ones are noted (in one line) and left out.</summary>
    public List<T> List<T>(string key, string expected, TryParse<T> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var values = new List<T>();
        var wrong = new List<string>();
        foreach (var entry in (Text(key) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (parse(entry, out var value))
            {
                values.Add(value);
            }
            else
            {
                wrong.Add($"\"{entry}\"");
            }
        }

        if (wrong.Count > 0)
        {
            Wrong(key, $"has {string.Join(", ", wrong)}, which {(wrong.Count == 1 ? "is" : "are")} not right; it must be {expected}.");
        }

        return values;
    }

    // A half that rounds to nothing: int and long, not double.
    private static bool IsWhole<T>()
        where T : struct, INumber<T> => T.IsInteger(T.One / (T.One + T.One));
}

/// <summary>Reads one entry of a list setting.</summary>
public delegate bool TryParse<T>(string text, [MaybeNullWhen(false)] out T value);
