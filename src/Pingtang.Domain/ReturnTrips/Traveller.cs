using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.ReturnTrips;

/// <summary>
/// One person on a booking, with the name and phone the 车长 calls. A train's traveller also has an ID-card number,
/// kept only encrypted (<see cref="IIdNumberProtector"/>) and masked for display.
/// </summary>
public sealed class Traveller
{
    private Traveller()
    {
    }

    public int Id { get; private set; }

    public int BookingId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Personal data: mask it in logs.</summary>
    public string Mobile { get; private set; } = "";

    public string? IdNumberCiphertext { get; private set; }

    /// <summary>5227**********123X: what staff other than admins see.</summary>
    public string? IdNumberMasked { get; private set; }

    /// <summary>
    /// The traveller's own worker, when they have talked to us themselves: they get their own reminders. Null for a
    /// neighbour without a chat, whose reminders go to whoever signed them up.
    /// </summary>
    public int? WorkerId { get; private set; }

    /// <summary>When the 车长 marked them on board.</summary>
    public DateTimeOffset? BoardedAt { get; private set; }

    public bool HasBoarded => BoardedAt is not null;

    internal static Traveller From(TravellerDetails details, ProtectedIdNumber? idNumber, int? workerId) => new()
    {
        Name = details.Name,
        Mobile = details.Mobile,
        IdNumberCiphertext = idNumber?.Ciphertext,
        IdNumberMasked = idNumber?.Masked,
        WorkerId = workerId,
    };

    /// <summary>The whole number, for an admin's real-name ticket list; throws when it was protected with other keys.</summary>
    public string? RevealIdNumber(IIdNumberProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return IdNumberCiphertext is null ? null : protector.Unprotect(IdNumberCiphertext);
    }

    /// <summary>The 车长 marks them on board, or takes the mark back after a slip of the finger.</summary>
    public void MarkBoarded(bool boarded, DateTimeOffset now) => BoardedAt = boarded ? BoardedAt ?? now : null;
}

/// <summary>A traveller as the worker gives them in the dialog: the ID number only for a train, in plain until protected.</summary>
public sealed record TravellerDetails
{
    public required string Name { get; init => field = TypedText.Clean(value); }

    public required string Mobile { get; init => field = TypedText.Clean(value); }

    public string? IdNumber { get; init; }
}

internal sealed class TravellerConfiguration : IEntityTypeConfiguration<Traveller>
{
    public void Configure(EntityTypeBuilder<Traveller> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Worker.NameMaxLength);
        builder.Property(t => t.Mobile).HasMaxLength(11);
        builder.Property(t => t.IdNumberCiphertext).HasMaxLength(ProtectedIdNumber.CiphertextMaxLength);
        builder.Property(t => t.IdNumberMasked).HasMaxLength(IdCardNumber.Length);
        builder.HasIndex(t => t.BookingId);
        builder.HasIndex(t => t.Mobile);
        builder.HasOne<Worker>().WithMany().HasForeignKey(t => t.WorkerId).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(t => t.HasBoarded);
    }
}
