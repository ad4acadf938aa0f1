using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.ReturnTrips;

/// <summary>What a worker asks for in 返岗报名: the departure, the pickup point, and who travels.</summary>
/// <param name="ByLeader">A 劳务带头人 signing up neighbours; otherwise the first traveller is the worker themselves.</param>
public sealed record TripSignUp(int WorkerId, int TripId, int PickupPointId, IReadOnlyList<TravellerDetails> Travellers, bool ByLeader = false);

/// <summary>
/// Signs workers up for return trips, keeps the waiting lists, moves pickup points and cancels. Seats are taken and
/// given back by single conditional updates inside a transaction, so the database, not a count in C#, decides who
/// gets the last seats: no departure is overbooked however many sign up at the same moment.
/// </summary>
public sealed class TripBookings(PingtangDb db, TimeProvider time, IIdNumberProtector idNumbers)
{
    /// <summary>On this unit of work, so a notice is saved with the change or not at all.</summary>
    private readonly OutboxMessages _outbox = new(db, time);

    public async Task<TripSignUpResult> SignUpAsync(TripSignUp signUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signUp);
        var today = ChinaTime.Today(time);
        var worker = await db.Workers.AsNoTracking().SingleOrDefaultAsync(w => w.Id == signUp.WorkerId, cancellationToken)
            ?? throw new DomainException($"没有编号为 {signUp.WorkerId} 的务工人员");
        var trip = await db.ReturnTrips.AsNoTracking().Include(t => t.PickupPoints).SingleOrDefaultAsync(t => t.Id == signUp.TripId, cancellationToken);
        if (trip is null || !trip.IsOpen(today))
        {
            return new TripSignUpResult.Refused(TripRules.Closed);
        }

        if (await FindActiveAsync(signUp.WorkerId, signUp.TripId, cancellationToken) is { } existing)
        {
            return new TripSignUpResult.AlreadySignedUp(existing.Code, await PositionAsync(existing, cancellationToken));
        }

        if (trip.PickupPoints.All(p => p.Id != signUp.PickupPointId))
        {
            return new TripSignUpResult.Refused(TripRules.NoSuchPickupPoint);
        }

        if (TripRules.TravellersProblem(signUp.Travellers, trip.Mode, today) is { } problem)
        {
            return new TripSignUpResult.Refused(problem);
        }

        var travellers = await TravellersAsync(signUp, worker, trip.Mode, today, cancellationToken);

        // BEGIN IMMEDIATE on SQLite, the trip's row lock on PostgreSQL: the check that no traveller's mobile is on the
        // trip already, the seat update and the insert happen one booking (or cancellation) of the trip at a time.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockRowAsync<ReturnTrip>(trip.Id, cancellationToken);
        var mobiles = signUp.Travellers.Select(t => t.Mobile).ToList();
        var taken = await db.TripBookings
            .Where(b => b.TripId == trip.Id && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waiting))
            .SelectMany(b => b.Travellers)
            .Where(t => mobiles.Contains(t.Mobile))
            .Select(t => t.Mobile)
            .FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            return new TripSignUpResult.Refused(string.Format(System.Globalization.CultureInfo.InvariantCulture, TripRules.MobileAlreadyOnTrip, taken));
        }

        var hasSeats = await TakeSeatsAsync(trip.Id, travellers.Count, cancellationToken);
        var booking = TripBooking.Create(signUp, travellers, hasSeats, time.GetUtcNow());
        db.TripBookings.Add(booking);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same worker's second message, a moment apart: the unique index kept the first one.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await FindActiveAsync(signUp.WorkerId, signUp.TripId, cancellationToken) is { } first)
            {
                return new TripSignUpResult.AlreadySignedUp(first.Code, await PositionAsync(first, cancellationToken));
            }

            throw;
        }

        await transaction.CommitAsync(cancellationToken);
        return hasSeats
            ? new TripSignUpResult.Confirmed(booking.Id, booking.Code)
            : new TripSignUpResult.Waiting(booking.Id, booking.Code, (await PositionAsync(booking, cancellationToken))!.Value);
    }

    /// <summary>The worker moves their booking to another pickup point of the same departure; false when it is not theirs or not open.</summary>
    public async Task<bool> ChangePickupPointAsync(int workerId, int bookingId, int pickupPointId, CancellationToken cancellationToken)
    {
        var booking = await db.TripBookings.Include(b => b.Trip!.PickupPoints)
            .SingleOrDefaultAsync(b => b.Id == bookingId && b.WorkerId == workerId, cancellationToken);
        if (booking is not { IsActive: true } || booking.Trip!.DepartsOn < ChinaTime.Today(time) || booking.Trip.PickupPoints.All(p => p.Id != pickupPointId))
        {
            return false;
        }

        booking.MoveTo(pickupPointId);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Cancels the worker's booking. Its seats go to those waiting, in arrival order, in the same transaction, each with
    /// a notice in the outbox (<see cref="TripNotices.Promoted"/>); the result names them.
    /// </summary>
    public async Task<TripCancelResult?> CancelAsync(int workerId, int bookingId, CancellationToken cancellationToken)
    {
        // The trip is locked before the booking is read, so a second cancellation of it reads it cancelled.
        var tripId = await db.TripBookings.Where(b => b.Id == bookingId && b.WorkerId == workerId).Select(b => (int?)b.TripId).SingleOrDefaultAsync(cancellationToken);
        if (tripId is null)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockRowAsync<ReturnTrip>(tripId.Value, cancellationToken);
        var booking = await db.TripBookings.SingleOrDefaultAsync(b => b.Id == bookingId && b.WorkerId == workerId, cancellationToken);
        if (booking is not { IsActive: true })
        {
            return null;
        }

        var promoted = await CancelWithinAsync(booking, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TripCancelResult(booking.TripId, promoted);
    }

    /// <summary>
    /// Cancels an active booking inside the caller's transaction: its seats go to those waiting, with their notices on
    /// the unit of work. Returns the workers promoted; the caller saves.
    /// </summary>
    internal async Task<IReadOnlyList<int>> CancelWithinAsync(TripBooking booking, CancellationToken cancellationToken)
    {
        var hadSeats = booking.Status == BookingStatus.Confirmed;
        booking.Cancel(time.GetUtcNow());
        if (!hadSeats)
        {
            return [];
        }

        await db.ReturnTrips
            .Where(t => t.Id == booking.TripId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.SeatsTaken, t => t.SeatsTaken - booking.SeatCount), cancellationToken);
        return await PromoteWaitingAsync(booking.TripId, cancellationToken);
    }

    /// <summary>
    /// Gives free seats to waiting bookings in arrival order, each with its notice on the unit of work; returns the
    /// workers promoted. A group too big for the seats left keeps its place, and a smaller one behind it may go first:
    /// a bus should not leave with empty seats while people wait. Call it inside a transaction, then save.
    /// </summary>
    public async Task<IReadOnlyList<int>> PromoteWaitingAsync(int tripId, CancellationToken cancellationToken)
    {
        await db.LockRowAsync<ReturnTrip>(tripId, cancellationToken);
        var trip = await db.ReturnTrips.AsNoTracking().Include(t => t.PickupPoints).SingleAsync(t => t.Id == tripId, cancellationToken);
        var waiting = await db.TripBookings
            .Where(b => b.TripId == tripId && b.Status == BookingStatus.Waiting)
            .OrderBy(b => b.Id)
            .ToListAsync(cancellationToken);
        var promoted = new List<int>();
        foreach (var booking in waiting)
        {
            if (await TakeSeatsAsync(tripId, booking.SeatCount, cancellationToken))
            {
                booking.Promote();
                _outbox.Queue(TripNotices.Promoted(trip, booking, trip.PickupPoints.Single(p => p.Id == booking.PickupPointId)));
                promoted.Add(booking.WorkerId);
            }
        }

        return promoted;
    }

    /// <summary>The worker's bookings of departures not gone yet, soonest first, with waiting positions.</summary>
    public async Task<IReadOnlyList<MyTripBooking>> ListAsync(int workerId, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(time);
        var bookings = await db.TripBookings.AsNoTracking()
            .Include(b => b.Trip!.PickupPoints)
            .Include(b => b.Travellers.OrderBy(t => t.Id))
            .Where(b => b.WorkerId == workerId && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waiting) && b.Trip!.DepartsOn >= today)
            .OrderBy(b => b.Trip!.DepartsOn).ThenBy(b => b.Trip!.DepartsAt).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken);
        var list = new List<MyTripBooking>(bookings.Count);
        foreach (var booking in bookings)
        {
            list.Add(new(booking, booking.Trip!, booking.Trip!.PickupPoints.Single(p => p.Id == booking.PickupPointId), await PositionAsync(booking, cancellationToken)));
        }

        return list;
    }

    /// <summary>The place on the waiting list, 1 for the next to get seats; null when the booking is not waiting.</summary>
    public async Task<int?> PositionAsync(TripBooking booking, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return booking.Status != BookingStatus.Waiting
            ? null
            : 1 + await db.TripBookings.CountAsync(b => b.TripId == booking.TripId && b.Status == BookingStatus.Waiting && b.Id < booking.Id, cancellationToken);
    }

    /// <summary>One statement: the seats are taken only if they are all still free.</summary>
    private async Task<bool> TakeSeatsAsync(int tripId, int seats, CancellationToken cancellationToken) =>
        await db.ReturnTrips
            .Where(t => t.Id == tripId && t.CancelledAt == null && t.SeatsTaken + seats <= t.Seats)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.SeatsTaken, t => t.SeatsTaken + seats), cancellationToken) == 1;

    /// <summary>
    /// The travellers to save, ID numbers protected. Each is linked to their own worker when they have talked to us
    /// (the first of a family booking is the worker themselves; others are found by phone), so they get their own
    /// reminders; the rest reach whoever signed them up.
    /// </summary>
    private async Task<List<Traveller>> TravellersAsync(TripSignUp signUp, Worker worker, TripMode mode, DateOnly today, CancellationToken cancellationToken)
    {
        var mobiles = signUp.Travellers.Select(t => t.Mobile).ToList();
        var known = await db.Workers.AsNoTracking()
            .Where(w => w.Mobile != null && mobiles.Contains(w.Mobile))
            .GroupBy(w => w.Mobile!)
            .Select(g => new { Mobile = g.Key, WorkerId = g.Min(w => w.Id) })
            .ToDictionaryAsync(w => w.Mobile, w => w.WorkerId, cancellationToken);
        return [.. signUp.Travellers.Select((details, i) =>
        {
            var isSelf = (i == 0 && !signUp.ByLeader) || details.Mobile == worker.Mobile;
            var idNumber = TripModes.NeedsIdNumbers(mode) ? IdCardNumber.Protect(details.IdNumber, today, idNumbers) : null;
            return Traveller.From(details, idNumber, isSelf ? worker.Id : known.TryGetValue(details.Mobile, out var id) ? id : null);
        })];
    }

    private Task<TripBooking?> FindActiveAsync(int workerId, int tripId, CancellationToken cancellationToken) =>
        db.TripBookings.AsNoTracking().SingleOrDefaultAsync(
            b => b.WorkerId == workerId && b.TripId == tripId && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waiting),
            cancellationToken);
}

/// <summary>What came of a sign-up: each case carries what the worker is told.</summary>
public abstract record TripSignUpResult
{
    private TripSignUpResult()
    {
    }

    public sealed record Confirmed(int BookingId, string Code) : TripSignUpResult;

    public sealed record Waiting(int BookingId, string Code, int Position) : TripSignUpResult;

    /// <summary>Already signed up for this departure: <paramref name="Position"/> is null when they have seats.</summary>
    public sealed record AlreadySignedUp(string Code, int? Position) : TripSignUpResult;

    public sealed record Refused(string Reason) : TripSignUpResult;
}

/// <summary>A cancellation, and the workers whose waiting bookings got the seats.</summary>
public sealed record TripCancelResult(int TripId, IReadOnlyList<int> PromotedWorkerIds);

/// <summary>One line of 我的返岗.</summary>
public sealed record MyTripBooking(TripBooking Booking, ReturnTrip Trip, PickupPoint PickupPoint, int? Position);
