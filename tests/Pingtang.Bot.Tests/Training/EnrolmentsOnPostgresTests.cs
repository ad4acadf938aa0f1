using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Training;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Training;

/// <summary>
/// Seats and waiting lists under PostgreSQL's READ COMMITTED, where several steps of one session run at the same
/// moment instead of one after another as on SQLite.
/// </summary>
public sealed class EnrolmentsOnPostgresTests : IDisposable
{
    private const int Rounds = 12;

    private readonly PingtangFactory _factory = new(new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres" }, new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [PostgresFact]
    public async Task Two_seats_freed_at_once_go_to_the_first_two_waiting_once_each()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var session = await Sessions.PlanAsync(_factory, "焊工", Sessions.Welding with { Seats = 2 });
            var workers = new List<int>();
            for (var i = 0; i < 5; i++)
            {
                var worker = await InScopeAsync(scope => scope.GetRequiredService<WorkerRegistry>().RegisterAsync(CancellationToken.None));
                await InScopeAsync(scope => scope.GetRequiredService<Enrolments>().EnrolAsync(worker.Id, session, CancellationToken.None));
                workers.Add(worker.Id);
            }

            var seated = await InScopeAsync(scope => scope.GetRequiredService<PingtangDb>().Enrolments
                .Where(e => e.SessionId == session && e.Status == EnrolmentStatus.Confirmed).OrderBy(e => e.Id).ToListAsync());
            var cancelled = await Task.WhenAll(seated.Select(e => Task.Run(() =>
                InScopeAsync(scope => scope.GetRequiredService<Enrolments>().CancelAsync(e.WorkerId, e.Id, CancellationToken.None)))));

            Assert.Equal([workers[2], workers[3]], cancelled.Select(c => c!.PromotedWorkerId).Order());
            var enrolments = await InScopeAsync(scope => scope.GetRequiredService<PingtangDb>().Enrolments.Where(e => e.SessionId == session).OrderBy(e => e.Id).ToListAsync());
            Assert.Equal(
                [EnrolmentStatus.Cancelled, EnrolmentStatus.Cancelled, EnrolmentStatus.Confirmed, EnrolmentStatus.Confirmed, EnrolmentStatus.Waiting],
                enrolments.Select(e => e.Status));
            Assert.Equal(2, (await InScopeAsync(scope => scope.GetRequiredService<PingtangDb>().TrainingSessions.SingleAsync(s => s.Id == session))).SeatsTaken);
        }
    }

    [PostgresFact]
    public async Task A_seat_freed_while_another_worker_enrols_goes_to_someone_and_none_stays_empty()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var session = await Sessions.PlanAsync(_factory, "焊工", Sessions.Welding with { Seats = 1 });
            var first = await InScopeAsync(scope => scope.GetRequiredService<WorkerRegistry>().RegisterAsync(CancellationToken.None));
            var enrolled = await InScopeAsync(scope => scope.GetRequiredService<Enrolments>().EnrolAsync(first.Id, session, CancellationToken.None));
            var late = await InScopeAsync(scope => scope.GetRequiredService<WorkerRegistry>().RegisterAsync(CancellationToken.None));
            var firstEnrolment = await InScopeAsync(scope => scope.GetRequiredService<PingtangDb>().Enrolments.SingleAsync(e => e.SessionId == session));

            await Task.WhenAll(
                Task.Run(() => InScopeAsync(scope => scope.GetRequiredService<Enrolments>().CancelAsync(first.Id, firstEnrolment.Id, CancellationToken.None))),
                Task.Run(() => InScopeAsync(scope => scope.GetRequiredService<Enrolments>().EnrolAsync(late.Id, session, CancellationToken.None))));

            Assert.IsType<EnrolResult.Confirmed>(enrolled);
            var lateOne = await InScopeAsync(scope => scope.GetRequiredService<PingtangDb>().Enrolments.SingleAsync(e => e.SessionId == session && e.WorkerId == late.Id));
            Assert.Equal(EnrolmentStatus.Confirmed, lateOne.Status);
            Assert.Equal(1, (await InScopeAsync(scope => scope.GetRequiredService<PingtangDb>().TrainingSessions.SingleAsync(s => s.Id == session))).SeatsTaken);
        }
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
