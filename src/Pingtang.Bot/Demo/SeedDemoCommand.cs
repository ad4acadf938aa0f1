using System.Globalization;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Demo;

/// <summary>
/// <c>seed-demo</c>, the one command that fills a database with demo data to try the service on: every feature
/// that has some adds its <see cref="DemoSeed"/>, and the parts run in the order given, each writing its report.
/// The usage and the options (<c>--jobs N</c>) are the parts' own.
/// </summary>
public static class SeedDemoCommand
{
    public const string Name = "seed-demo";

    /// <summary>Where the description starts in the usage, as in the other commands' synopses.</summary>
    private const int UsageColumn = 28;

    public static Command For(params IReadOnlyList<DemoSeed> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return new(Name, Usage(parts), args =>
            Counts(parts, args) is { } counts ? (services, console, ct) => RunAsync(parts, counts, services, console, ct) : null);
    }

    private static async Task<int> RunAsync(IReadOnlyList<DemoSeed> parts, int[] counts, IServiceProvider services, CommandConsole console, CancellationToken cancellationToken)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            await parts[i].SeedAsync(counts[i], services, console, cancellationToken);
        }

        return 0;
    }

    /// <summary>
    /// Each part's count: <c>--OPTION N</c> or <c>--OPTION=N</c> of its <see cref="DemoCount"/>, each at most once and
    /// in any order, or the default; null when the arguments are wrong.
    /// </summary>
    private static int[]? Counts(IReadOnlyList<DemoSeed> parts, IReadOnlyList<string> args)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            var (option, written) = args[i].IndexOf('=', StringComparison.Ordinal) is var equals and >= 0
                ? (args[i][2..equals], args[i][(equals + 1)..])
                : (args[i][2..], i + 1 < args.Count ? args[++i] : null);
            if (written is null || !given.TryAdd(option, written))
            {
                return null;
            }
        }

        var counts = new int[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].Count is not { } count)
            {
                continue;
            }

            if (!given.Remove(count.Option, out var written))
            {
                counts[i] = count.Default;
            }
            else if (int.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= count.Most)
            {
                counts[i] = n;
            }
            else
            {
                return null;
            }
        }

        return given.Count == 0 ? counts : null;
    }

    private static string Usage(IReadOnlyList<DemoSeed> parts)
    {
        var synopsis = Name + string.Concat(parts.Where(p => p.Count is not null).Select(p => $" [--{p.Count!.Option} N]"));
        var makes = parts.Select(p => p.Makes).ToList();
        var list = makes.Count > 1 ? string.Join(SeedDemoTexts.Comma, makes[..^1]) + SeedDemoTexts.And + makes[^1] : string.Concat(makes);
        return synopsis.PadRight(UsageColumn) + string.Format(SeedDemoTexts.Usage, list);
    }
}

internal static class SeedDemoTexts
{
    /// <summary>{0} what the parts make.</summary>
    public const string Usage = "生成 {0}，再次运行会更新而不是重复";

    /// <summary>Between the things made (a、b和c), and before the last.</summary>
    public const string Comma = "、";

    public const string And = "和";
}
