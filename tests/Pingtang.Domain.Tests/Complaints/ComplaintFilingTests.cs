using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Complaints;

public sealed class ComplaintFilingTests : IAsyncLifetime
{
    private static readonly ComplaintDraft Arrears = new()
    {
        Category = ComplaintCategory.WageArrears,
        EmployerName = "东莞大朗宏达制衣有限公司",
        WorkPlace = "东莞大朗",
        Site = "宏达制衣二厂",
        PeriodWorked = "2026年3月到10月",
        AmountOwed = 12_000m,
        WorkersOwed = 1,
        Narrative = "老板拖了三个月工资，要我们过年再说。",
        ContactPhone = "13812345678",
    };

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_complaint_becomes_a_numbered_case_at_the_station_of_its_place_with_its_first_step()
    {
        var workers = await WorkersAsync(2);

        var first = await FileAsync(workers[0], Arrears);
        var second = await FileAsync(workers[1], Arrears with { WorkPlace = "平塘县城" });

        Assert.Equal("WQ-2026-000001", first.Number);
        Assert.Equal("WQ-2026-000002", second.Number);
        await using var db = _database.Open();
        var stored = await db.Complaints.Include(c => c.Station).Include(c => c.History).SingleAsync(c => c.Id == first.Id);
        Assert.Equal(Station.DongguanDalang, stored.Station!.Name);
        Assert.Equal(ComplaintStatus.Submitted, stored.Status);
        Assert.Equal(12_000m, stored.AmountOwed);
        var step = Assert.Single(stored.History);
        Assert.Equal((ComplaintStatus.Submitted, "本人", _database.Clock.GetUtcNow()), (step.Status, step.By, step.At));
        Assert.Equal(Station.CountyCentre, (await db.Complaints.Include(c => c.Station).SingleAsync(c => c.Id == second.Id)).Station!.Name);
        Assert.False(stored.IsUrgent);
    }

    [Fact]
    public async Task Numbers_start_again_each_year_in_China_time()
    {
        var worker = (await WorkersAsync(1))[0];
        await FileAsync(worker, Arrears);

        // 2027-01-01 00:30 in China is still 2026 in UTC.
        _database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal("WQ-2027-000001", (await FileAsync(worker, Arrears)).Number);
    }

    [Fact]
    public async Task The_third_worker_naming_one_employer_within_30_days_makes_an_urgent_linked_case()
    {
        var workers = await WorkersAsync(4);
        var first = await FileAsync(workers[0], Arrears);
        _database.Clock.Advance(TimeSpan.FromDays(10));
        var again = await FileAsync(workers[0], Arrears with { Narrative = "还是没发" });
        var second = await FileAsync(workers[1], Arrears with { EmployerName = "东莞 大朗 宏达制衣公司" });
        _database.Clock.Advance(TimeSpan.FromDays(15));

        var third = await FileAsync(workers[2], Arrears with { EmployerName = "东莞大朗宏达制衣有限责任公司" });
        var fourthElsewhere = await FileAsync(workers[3], Arrears with { EmployerName = "宏发制衣" });

        Assert.False(again.IsUrgent);
        Assert.False(second.IsUrgent);
        Assert.Equal([UrgencyReason.SameEmployer], third.UrgencyReasons);
        Assert.False(fourthElsewhere.IsUrgent);
        await using var db = _database.Open();
        var linked = await new ComplaintFiling(db, _database.Clock).SameEmployerAsync(third, default);
        Assert.Equal([first.Number, again.Number, second.Number, third.Number], linked.Select(c => c.Number));
    }

    [Fact]
    public async Task Names_that_differ_only_in_their_order_of_words_are_not_linked()
    {
        var workers = await WorkersAsync(3);
        await FileAsync(workers[0], Arrears);
        await FileAsync(workers[1], Arrears);

        var third = await FileAsync(workers[2], Arrears with { EmployerName = "宏达制衣有限公司（大朗）" });

        Assert.DoesNotContain(UrgencyReason.SameEmployer, third.UrgencyReasons);
    }

    [Fact]
    public async Task A_work_injury_is_urgent_and_its_date_is_kept()
    {
        var worker = (await WorkersAsync(1))[0];

        var injury = await FileAsync(worker, Arrears with
        {
            Category = ComplaintCategory.WorkInjury,
            AmountOwed = null,
            WorkersOwed = null,
            InjuredOn = new DateOnly(2026, 11, 20),
            Narrative = "在工地摔伤了腿，老板不管",
        });

        Assert.Equal([UrgencyReason.WorkInjury], injury.UrgencyReasons);
        Assert.Equal(new DateOnly(2026, 11, 20), injury.InjuredOn);
    }

    [Fact]
    public async Task Someone_filing_for_a_worker_is_recorded_and_needs_their_agreement()
    {
        var worker = (await WorkersAsync(1))[0];
        var onBehalf = Arrears with { FiledBy = ComplaintFiler.LabourLeader, FilerName = "王组长" };

        var refused = await Assert.ThrowsAsync<DomainException>(() => FileAsync(worker, onBehalf));
        var filed = await FileAsync(worker, onBehalf with { WorkerAgreed = true });

        Assert.Contains("同意", refused.Message, StringComparison.Ordinal);
        Assert.Equal((ComplaintFiler.LabourLeader, "王组长"), (filed.FiledBy, filed.FilerName));
        Assert.Equal("劳务带头人", filed.History.Single().By);
    }

    [Fact]
    public async Task A_broken_rule_files_nothing()
    {
        var worker = (await WorkersAsync(1))[0];
        ComplaintDraft[] broken =
        [
            Arrears with { ContactPhone = "12345" },
            Arrears with { ContactPhone = "2381234567a" },
            Arrears with { InjuredOn = new DateOnly(2026, 12, 25) },
            Arrears with { Narrative = " " },
            Arrears with { EmployerName = "" },
            Arrears with { WorkersOwed = 0 },
        ];

        foreach (var draft in broken)
        {
            await Assert.ThrowsAsync<DomainException>(() => FileAsync(worker, draft));
        }

        await using var db = _database.Open();
        Assert.Empty(db.Complaints);
    }

    private Task<Complaint> FileAsync(int worker, ComplaintDraft draft) => _database.FileAsync(draft, worker);

    private async Task<List<int>> WorkersAsync(int count)
    {
        await using var db = _database.Open();
        var registry = new WorkerRegistry(db, _database.Clock);
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await registry.RegisterAsync(default)).Id);
        }

        return ids;
    }
}
