namespace Pingtang.Bot.Tests.Support;

/// <summary>
/// Tests that time a whole service process (start-up, restart) run by themselves, after the parallel ones: on a
/// 2-core machine shared with a dozen hosts and headless browsers, a process start measures the neighbours.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Alone";
}
