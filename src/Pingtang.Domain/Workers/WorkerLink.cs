using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.Workers;

public enum WorkerLinkState
{
    /// <summary>The code is out; the worker who asked may answer it until it expires or runs out of tries.</summary>
    Pending,

    /// <summary>The right code came back: the two are one worker.</summary>
    Linked,

    /// <summary>The worker who asked said 不是我: the number stays with its owner alone.</summary>
    Declined,

    /// <summary>Every try was wrong.</summary>
    Failed,

    /// <summary>The code's time ran out, or the worker asked again and got a new code.</summary>
    Expired,
}

/// <summary>
/// A worker's claim to a mobile number another worker's profile has: a code sent to where that other worker was last
/// seen, which only someone who can read messages there can type back. Kept after it is decided, for the daily limit
/// of codes to one worker and for staff who are asked what happened.
/// </summary>
public sealed class WorkerLink
{
    public const int CodeLength = 6;
    public const int MaxTries = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private WorkerLink()
    {
    }

    public int Id { get; private set; }

    /// <summary>Who typed the number and has to type the code.</summary>
    public int WorkerId { get; private set; }

    /// <summary>Whose profile has the number: where the code went, and who stays when it comes back.</summary>
    public int OwnerId { get; private set; }

    public string Code { get; private set; } = "";

    public int Tries { get; private set; }

    public WorkerLinkState State { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public int TriesLeft => MaxTries - Tries;

    internal static WorkerLink Ask(int workerId, int ownerId, DateTimeOffset now) => new()
    {
        WorkerId = workerId,
        OwnerId = ownerId,
        Code = RandomNumberGenerator.GetInt32(1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
        State = WorkerLinkState.Pending,
        CreatedAt = now,
        ExpiresAt = now + Lifetime,
    };

    /// <summary>Counts a try and says whether <paramref name="code"/> is this link's; the last wrong try ends it.</summary>
    internal bool Try(string code, DateTimeOffset now)
    {
        Tries++;
        if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(code), System.Text.Encoding.ASCII.GetBytes(Code)))
        {
            Decide(WorkerLinkState.Linked, now);
            return true;
        }

        if (TriesLeft == 0)
        {
            Decide(WorkerLinkState.Failed, now);
        }

        return false;
    }

    internal void Decide(WorkerLinkState state, DateTimeOffset now)
    {
        State = state;
        DecidedAt = now;
    }
}

internal sealed class WorkerLinkConfiguration : IEntityTypeConfiguration<WorkerLink>
{
    public void Configure(EntityTypeBuilder<WorkerLink> builder)
    {
        builder.Property(l => l.Code).HasMaxLength(WorkerLink.CodeLength);
        builder.Property(l => l.State).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(l => l.TriesLeft);
        // Of two answers at once, the second finds the tries changed and is not saved: one link, one count.
        builder.Property(l => l.Tries).IsConcurrencyToken();
        // One code to answer at a time: a second claim, even at the same moment, cannot leave two open.
        builder.HasIndex(l => l.WorkerId).IsUnique().HasFilter("\"State\" = 'Pending'");
        builder.HasIndex(l => new { l.OwnerId, l.CreatedAt });
        // No foreign keys to the workers: a link is the record of a merge and names both as they were, so it is not
        // one of the rows a merge moves.
    }
}
