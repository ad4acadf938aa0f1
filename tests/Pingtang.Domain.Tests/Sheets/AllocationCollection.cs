namespace Pingtang.Domain.Tests.Sheets;

/// <summary>
/// Tests that measure the bytes a piece of work allocates (<see cref="GC.GetTotalAllocatedBytes(bool)"/> counts every
/// thread of the process) run alone, so no other test adds to the figure. The bot's tests compile this file too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "Allocation";
}
