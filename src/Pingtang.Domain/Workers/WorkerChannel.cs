using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.Workers;

/// <summary>
/// A channel a worker has reached us on, read from the chat plumbing's address table (the bot's <c>WorkerAddress</c>,
/// in the same database by design, written by its own context). Read-only and outside this context's migrations: the
/// domain needs two columns of it to count and choose a campaign's audience in one query, rather than carrying every
/// worker id across from the other context, and to know whether a linking code can reach a worker at all.
/// </summary>
public sealed class WorkerChannel
{
    /// <summary>The bot's table; renaming it there means renaming it here.</summary>
    public const string Table = "WorkerAddress";

    private WorkerChannel()
    {
    }

    public int WorkerId { get; private set; }

    public string ChannelId { get; private set; } = "";
}

internal sealed class WorkerChannelConfiguration : IEntityTypeConfiguration<WorkerChannel>
{
    // Mapped as a view: EF never creates, alters or writes it.
    public void Configure(EntityTypeBuilder<WorkerChannel> builder) => builder.HasNoKey().ToView(WorkerChannel.Table);
}
