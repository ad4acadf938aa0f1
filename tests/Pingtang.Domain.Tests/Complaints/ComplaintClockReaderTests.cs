using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Workers;
using static Pingtang.Domain.Tests.Complaints.CaseClocksTests;

namespace Pingtang.Domain.Tests.Complaints;

public sealed class ComplaintClockReaderTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_station_s_own_hours_and_the_case_s_history_set_its_clocks()
    {
        await using (var db = _database.Open())
        {
            var dalang = await db.StationServiceHours.SingleAsync(h => h.StationId == 3);
            dalang.Change(ServiceTerms.Default with { MorningOpens = new(8, 30), MorningCloses = new(12, 30), AfternoonOpens = new(12, 30), AfternoonCloses = new(17, 0) });
            await db.SaveChangesAsync();
        }

        // Friday 12-04 at 16:00 in China: an hour that day, three more from 08:30 on Monday.
        _database.Clock.SetUtcNow(China(2026, 12, 4, 16, 0));
        var complaint = await _database.FileAsync(Cases.Arrears);
        _database.Clock.SetUtcNow(China(2026, 12, 7, 10, 0));
        await using var again = _database.Open();
        var stored = await again.Complaints.Include(c => c.History).SingleAsync(c => c.Id == complaint.Id);
        var before = await new ComplaintClockReader(again, _database.Clock).ForAsync(stored, default);

        // The console's acceptance, as a step of the case's history.
        stored.History.Add(new ComplaintStatusChange { Status = ComplaintStatus.Accepted, At = China(2026, 12, 7, 11, 45), By = "李站长" });
        _database.Clock.SetUtcNow(China(2026, 12, 7, 12, 0));
        var after = await new ComplaintClockReader(again, _database.Clock).ForAsync(stored, default);

        Assert.Equal(China(2026, 12, 7, 11, 30), before.FirstResponse.DueAt);
        Assert.Equal((ClockStatus.Running, TimeSpan.FromMinutes(90)), (before.FirstResponse.Status, before.FirstResponse.Remaining));
        Assert.Equal((ClockStatus.MetLate, TimeSpan.FromMinutes(-15)), (after.FirstResponse.Status, after.FirstResponse.Remaining));
        Assert.Equal(ClockStatus.Met, after.AcceptanceDecision.Status);
        Assert.Equal(ClockStatus.Running, after.Conclusion!.Status);
    }

    [Fact]
    public async Task An_investigation_is_extended_once_and_only_after_acceptance()
    {
        var complaint = await _database.FileAsync(Cases.Arrears);
        var now = _database.Clock.GetUtcNow();

        var early = Assert.Throws<DomainException>(() => complaint.ExtendInvestigation("李站长", now));
        complaint.History.Add(new ComplaintStatusChange { Status = ComplaintStatus.Accepted, At = now, By = "李站长" });
        complaint.ExtendInvestigation("李站长", now);
        var twice = Assert.Throws<DomainException>(() => complaint.ExtendInvestigation("李站长", now));

        Assert.Contains("受理后", early.Message, StringComparison.Ordinal);
        Assert.Contains("一次", twice.Message, StringComparison.Ordinal);
        Assert.True(ClockFacts.Of(complaint).Extended);
    }
}
