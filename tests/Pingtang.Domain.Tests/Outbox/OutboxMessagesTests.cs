using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Outbox;

public sealed class OutboxMessagesTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private TestDatabase _database = null!;
    private int _worker;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.Open();
        var worker = Worker.Register(_database.Clock.GetUtcNow());
        db.Workers.Add(worker);
        await db.SaveChangesAsync();
        _worker = worker.Id;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_message_queued_with_a_change_exists_only_if_the_change_is_saved()
    {
        await using (var db = _database.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Outbox(db).Queue(Draft("rolled-back"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using (var db = _database.Open())
        {
            Outbox(db).Queue(Draft("saved"));
            await db.SaveChangesAsync();
        }

        await using var check = _database.Open();
        Assert.Equal(["saved"], await check.Outbox.Select(m => m.Key).ToListAsync());
    }

    [Fact]
    public async Task Queueing_the_same_key_twice_queues_it_once()
    {
        await using (var db = _database.Open())
        {
            Assert.Equal(2, await Outbox(db).QueueOnceAsync([Draft("a"), Draft("b"), Draft("a")], default));
        }

        await using (var db = _database.Open())
        {
            Assert.Equal(1, await Outbox(db).QueueOnceAsync([Draft("a"), Draft("c")], default));
        }

        await using var check = _database.Open();
        Assert.Equal(3, await check.Outbox.CountAsync());
    }

    [Fact]
    public async Task A_lease_takes_what_is_due_oldest_first_and_no_other_lease_takes_it_too()
    {
        await QueueAsync(Draft("later", notBefore: _database.Clock.GetUtcNow().AddHours(1)), Draft("first"), Draft("second"), Draft("third"));

        var one = await LeaseAsync(2);
        var two = await LeaseAsync(10);
        var three = await LeaseAsync(10);

        Assert.Equal(["first", "second"], one.Select(m => m.Key));
        Assert.Equal(["third"], two.Select(m => m.Key));
        Assert.Empty(three);
        Assert.All(one.Concat(two), m => Assert.Equal(1, m.Attempts));
    }

    [Fact]
    public async Task A_lease_takes_the_oldest_due_whether_queued_failed_or_left_by_a_sender_that_died()
    {
        var start = _database.Clock.GetUtcNow();
        await QueueAsync(Draft("abandoned"), Draft("failed"));
        var first = await LeaseAsync(10);
        await using (var db = _database.Open())
        {
            await Outbox(db).RecordFailedAsync(first[1], first[1].LeaseId!.Value, "TimeoutException: the channel did not answer", default);
        }

        // Due at the start (its lease runs out after 2 minutes), after 1 minute (the back-off), after 90 s and 150 s.
        await QueueAsync(Draft("queued", notBefore: start.AddSeconds(90)), Draft("newest", notBefore: start.AddSeconds(150)));
        _database.Clock.Advance(Lease + TimeSpan.FromMinutes(1));

        Assert.Equal(["abandoned", "failed", "queued"], (await LeaseAsync(3)).Select(m => m.Key));
        Assert.Equal(["newest"], (await LeaseAsync(10)).Select(m => m.Key));
    }

    [Fact]
    public async Task A_lease_that_runs_out_makes_its_messages_sendable_again_and_the_old_sender_can_no_longer_record_them()
    {
        await QueueAsync(Draft("m"));
        var first = Assert.Single(await LeaseAsync(10));

        _database.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var again = Assert.Single(await LeaseAsync(10));
        await using var db = _database.Open();
        var staleRecorded = await Outbox(db).RecordSentAsync([first.Id], first.LeaseId!.Value, "emulator", null, default);
        var recorded = await Outbox(db).RecordSentAsync([again.Id], again.LeaseId!.Value, "emulator", null, default);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(2, again.Attempts);
        Assert.Equal(0, staleRecorded);
        Assert.Equal(1, recorded);
        Assert.Equal(OutboxState.Sent, (await db.Outbox.AsNoTracking().SingleAsync()).State);
    }

    [Fact]
    public async Task Failures_are_tried_again_after_a_back_off_and_dead_after_the_last_try_until_staff_send_again()
    {
        await QueueAsync(Draft("flaky"));
        for (var attempt = 1; attempt <= OutboxMessage.MaxAttempts; attempt++)
        {
            var leased = Assert.Single(await LeaseAsync(10));
            Assert.Equal(attempt, leased.Attempts);
            await using (var db = _database.Open())
            {
                await Outbox(db).RecordFailedAsync(leased, leased.LeaseId!.Value, "HttpRequestException: connection refused", default);
            }

            Assert.Empty(await LeaseAsync(10));
            _database.Clock.Advance(OutboxRules.Backoff(attempt));
        }

        await using var check = _database.Open();
        var dead = await check.Outbox.AsNoTracking().SingleAsync();
        Assert.Equal(OutboxState.Dead, dead.State);
        Assert.Equal("HttpRequestException: connection refused", dead.LastError);
        Assert.Empty(await LeaseAsync(10));

        Assert.True(await Outbox(check).SendAgainAsync(dead.Id, default));
        Assert.Equal(1, Assert.Single(await LeaseAsync(10)).Attempts);
    }

    [Fact]
    public async Task A_deferred_message_waits_for_its_time_and_the_wait_is_not_a_try()
    {
        await QueueAsync(Draft("night"));
        var leased = Assert.Single(await LeaseAsync(10));
        var morning = _database.Clock.GetUtcNow().AddHours(8);
        await using (var db = _database.Open())
        {
            await Outbox(db).DeferAsync([leased.Id], leased.LeaseId!.Value, morning, quietHours: true, default);
        }

        Assert.Empty(await LeaseAsync(10));
        _database.Clock.SetUtcNow(morning);
        Assert.Equal(1, Assert.Single(await LeaseAsync(10)).Attempts);
    }

    [Fact]
    public async Task Times_from_a_clock_in_china_time_compare_as_instants()
    {
        // The stored numbers sort by instant only in one offset; a clock may hand out +08:00.
        _database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 22, 30, 0, TimeSpan.FromHours(8)));
        await QueueAsync(Draft("at-eight", notBefore: new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.FromHours(8))));

        _database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 7, 59, 0, TimeSpan.FromHours(8)));
        Assert.Empty(await LeaseAsync(10));
        _database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        Assert.Single(await LeaseAsync(10));
    }

    [Fact]
    public async Task Skipped_messages_keep_their_reason_and_are_not_sent_again_by_themselves()
    {
        await QueueAsync(Draft("no-consent"));
        var leased = Assert.Single(await LeaseAsync(10));
        await using (var db = _database.Open())
        {
            await Outbox(db).RecordSkippedAsync([leased.Id], leased.LeaseId!.Value, OutboxRules.NoConsent, default);
        }

        _database.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await LeaseAsync(10));
        await using var check = _database.Open();
        var problem = Assert.Single(await Outbox(check).ProblemsAsync(10, default));
        Assert.Equal((OutboxState.Skipped, OutboxRules.NoConsent), (problem.State, problem.LastError));
        Assert.Equal([new OutboxCount("test", OutboxState.Skipped, 1)], await Outbox(check).CountsAsync(default));
    }

    private OutboxMessages Outbox(PingtangDb db) => new(db, _database.Clock);

    private OutboxDraft Draft(string key, DateTimeOffset? notBefore = null) =>
        new(_worker, "test", MessagePurpose.Practical, key, $"消息 {key}", ["好"], NotBefore: notBefore);

    private async Task QueueAsync(params OutboxDraft[] drafts)
    {
        await using var db = _database.Open();
        foreach (var draft in drafts)
        {
            Outbox(db).Queue(draft);
            await db.SaveChangesAsync();
        }
    }

    private async Task<IReadOnlyList<OutboxMessage>> LeaseAsync(int max)
    {
        await using var db = _database.Open();
        return await Outbox(db).LeaseAsync(max, Lease, default);
    }
}
