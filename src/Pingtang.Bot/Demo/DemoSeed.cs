using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Demo;

/// <summary>
/// One feature's part of <c>seed-demo</c>: what it makes, as the usage says it (每门课程的近期培训班); the option that
/// sets how many, when the administrator may choose; and the seeding itself, which writes the part's report and
/// updates what an earlier run made rather than adding it again.
/// </summary>
public sealed record DemoSeed(string Makes, DemoCount? Count, DemoSeedRun SeedAsync);

/// <summary><c>--Option N</c>: how many a part makes, 1 to <see cref="Most"/>, and <see cref="Default"/> when the option is left out.</summary>
public sealed record DemoCount(string Option, int Default, int Most);

/// <summary>Seeds one part; <paramref name="count"/> is its option's value or default, 0 for a part without a <see cref="DemoCount"/>.</summary>
public delegate Task DemoSeedRun(int count, IServiceProvider services, CommandConsole console, CancellationToken cancellationToken);
