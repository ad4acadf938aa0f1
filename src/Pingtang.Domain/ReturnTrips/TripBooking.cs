using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.ReturnTrips;

/// <summary>Where a 返岗报名 stands.</summary>
public enum BookingStatus
{
    /// <summary>Has its seats.</summary>
    Confirmed,

    /// <summary>On the waiting list, in arrival order.</summary>
    Waiting,

    Cancelled,
}

/// <summary>
/// A 返岗报名: one or more travellers on one departure, from one pickup point, made by one worker — for themselves and
/// family, or, as a 劳务带头人 (labour leader), for neighbours who travel with them. It takes one seat per traveller.
/// </summary>
public sealed class TripBooking
{
    /// <summary>A family, or a leader's neighbours: one bus row of them, not a whole bus.</summary>
    public const int MaxTravellers = 10;

    private TripBooking()
    {
    }

    public int Id { get; private set; }

    public int TripId { get; private set; }

    public ReturnTrip? Trip { get; private set; }

    public int PickupPointId { get; private set; }

    public PickupPoint? PickupPoint { get; private set; }

    /// <summary>Who signed up: what reaches the travellers who have no chat of their own.</summary>
    public int WorkerId { get; private set; }

    public Worker? Worker { get; private set; }

    /// <summary>Signed up by a 劳务带头人 for neighbours, rather than by a traveller for themselves and family.</summary>
    public bool ByLeader { get; private set; }

    public BookingStatus Status { get; private set; }

    public string Code { get; private set; } = "";

    public int SeatCount { get; private set; }

    public List<Traveller> Travellers { get; private set; } = [];

    public DateTimeOffset BookedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public bool IsActive => Status is BookingStatus.Confirmed or BookingStatus.Waiting;

    internal static TripBooking Create(TripSignUp signUp, IEnumerable<Traveller> travellers, bool hasSeats, DateTimeOffset now)
    {
        var booking = new TripBooking
        {
            TripId = signUp.TripId,
            PickupPointId = signUp.PickupPointId,
            WorkerId = signUp.WorkerId,
            ByLeader = signUp.ByLeader,
            Status = hasSeats ? BookingStatus.Confirmed : BookingStatus.Waiting,
            Code = ConfirmationCode.New(),
            BookedAt = now,
        };
        booking.Travellers.AddRange(travellers);
        booking.SeatCount = booking.Travellers.Count;
        return booking;
    }

    internal void Promote() => Status = Status == BookingStatus.Waiting ? BookingStatus.Confirmed : throw new DomainException("只有候补的报名可以转正");

    internal void MoveTo(int pickupPointId) => PickupPointId = IsActive ? pickupPointId : throw new DomainException("这个报名已经取消");

    internal void Cancel(DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new DomainException("这个报名已经取消");
        }

        Status = BookingStatus.Cancelled;
        CancelledAt = now;
    }
}

internal sealed class TripBookingConfiguration : IEntityTypeConfiguration<TripBooking>
{
    public void Configure(EntityTypeBuilder<TripBooking> builder)
    {
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Code).HasMaxLength(ConfirmationCode.Length);
        builder.HasIndex(b => b.Code).IsUnique();
        // One live booking per worker and departure: a second message at the same moment cannot add another.
        builder.HasIndex(b => new { b.TripId, b.WorkerId }).IsUnique().HasFilter("\"Status\" IN ('Confirmed', 'Waiting')");
        builder.HasIndex(b => new { b.TripId, b.Status, b.Id });
        builder.HasIndex(b => b.WorkerId);
        builder.HasOne(b => b.Trip).WithMany().HasForeignKey(b => b.TripId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(b => b.PickupPoint).WithMany().HasForeignKey(b => b.PickupPointId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.Worker).WithMany().HasForeignKey(b => b.WorkerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Travellers).WithOne().HasForeignKey(t => t.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(b => b.IsActive);
    }
}
