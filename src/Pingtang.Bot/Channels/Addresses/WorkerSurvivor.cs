using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Bot.Channels.Addresses;

/// <summary>
/// A worker as the domain's <c>Workers</c> table has it (in the same database by design), reduced to whether it was
/// merged into another: read with an address, so that an address the merge had no time to move (the service stopped
/// between the domain's save and the address book's) is moved the next time its worker writes. Read-only and outside
/// this context's migrations, as the domain reads this context's addresses.
/// </summary>
public sealed class WorkerSurvivor
{
    /// <summary>The domain's table; renaming it there means renaming it here.</summary>
    public const string Table = "Workers";

    private WorkerSurvivor()
    {
    }

    public int Id { get; private set; }

    public int? MergedIntoId { get; private set; }
}

internal sealed class WorkerSurvivorConfiguration : IEntityTypeConfiguration<WorkerSurvivor>
{
    // Mapped as a view: EF never creates, alters or writes it.
    public void Configure(EntityTypeBuilder<WorkerSurvivor> builder) => builder.HasNoKey().ToView(WorkerSurvivor.Table);
}
