using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pingtang.Bot.Handoffs;
using Pingtang.Bot.Tests.Channels.DirectLine;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Handoffs;

/// <summary>
/// Two instances on one PostgreSQL database: a staff member's console page open on one hears at once what a worker
/// says through the other — the worker joining the queue, then each line they write while they wait.
/// </summary>
public sealed class LiveConsoleAcrossInstancesTests : IDisposable
{
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(4);

    private readonly OneDatabase _database = new();

    public void Dispose()
    {
        _database.Dispose();
    }

    [PostgresFact]
    public async Task The_console_on_one_instance_hears_the_queue_and_the_lines_of_a_worker_on_the_other()
    {
        var pages = new ConsolePages();
        var console = Instance(services => services.Replace(ServiceDescriptor.Singleton<IHubContext<ConsoleHub>>(pages)));
        var worker = Instance();
        _ = (console.Services, worker.Services);
        await TestPostgres.ListeningAsync(_database.ConnectionString, instances: 2);

        var kit = new DirectLineKit(worker.CreateClient());
        var started = await kit.StartAsync();
        await kit.SayAsync(started, "人工");
        var queued = await pages.HeardAsync(LiveConsole.QueueEvent, AtOnce);
        await kit.SayAsync(started, "老板三个月没发工资了");
        var line = await pages.HeardAsync(LiveConsole.LineEvent, AtOnce);

        var news = JsonSerializer.SerializeToElement(queued.Argument);
        Assert.Equal("Waiting", news.GetProperty("state").GetString());
        Assert.Equal([LiveConsole.StationGroup(news.GetProperty("stationId").GetInt32()), LiveConsole.StationGroup(null)], queued.Groups);
        var said = Assert.IsType<LiveLine>(line.Argument);
        Assert.Equal(("Worker", "老板三个月没发工资了"), (said.Author, said.Text));
        Assert.Equal([LiveConsole.CaseGroup(said.HandoffId)], line.Groups);
    }

    [PostgresFact]
    public async Task An_instance_does_not_send_its_own_lines_to_its_pages_twice()
    {
        var pages = new ConsolePages();
        var both = Instance(services => services.Replace(ServiceDescriptor.Singleton<IHubContext<ConsoleHub>>(pages)));
        _ = both.Services;
        await TestPostgres.ListeningAsync(_database.ConnectionString, instances: 1);

        var kit = new DirectLineKit(both.CreateClient());
        var started = await kit.StartAsync();
        await kit.SayAsync(started, "人工");
        await kit.SayAsync(started, "在吗");
        await pages.HeardAsync(LiveConsole.LineEvent, AtOnce);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Single(pages.Sent, s => s.Method == LiveConsole.QueueEvent);
        var lines = pages.Sent.Where(s => s.Method == LiveConsole.LineEvent).Select(s => (LiveLine)s.Argument!).ToList();
        Assert.Contains(lines, l => l.Text == "在吗");
        Assert.Equal(lines.Count, lines.DistinctBy(l => l.Id).Count());
    }

    [PostgresFact]
    public async Task An_instance_whose_listening_was_cut_tells_every_page_to_catch_up_on_what_it_may_have_missed()
    {
        var pages = new ConsolePages();
        var console = Instance(services => services.Replace(ServiceDescriptor.Singleton<IHubContext<ConsoleHub>>(pages)));
        _ = console.Services;
        await TestPostgres.ListeningAsync(_database.ConnectionString, instances: 1);
        await pages.HeardAsync(LiveConsole.CatchUpEvent, AtOnce);
        pages.Sent.Clear();

        await TestPostgres.CutListeningAsync(_database.ConnectionString);
        var caughtUp = await pages.HeardAsync(LiveConsole.CatchUpEvent, AtOnce);

        Assert.Equal([ConsolePages.Everyone], caughtUp.Groups);
        await TestPostgres.ListeningAsync(_database.ConnectionString, instances: 1);
    }

    private PingtangFactory Instance(Action<IServiceCollection>? services = null) =>
        _database.Instance(settings => DirectLineKit.Host(settings: settings, services: services));

    /// <summary>The console's open pages as the hub would reach them: what was sent to which groups.</summary>
    private sealed class ConsolePages : IHubContext<ConsoleHub>
    {
        /// <summary>What <see cref="Sent"/> names instead of groups for what went to every page.</summary>
        public const string Everyone = "(every page)";

        public ConcurrentQueue<(IReadOnlyList<string> Groups, string Method, object? Argument)> Sent { get; } = new();

        public IHubClients Clients => new Recipients(this);

        public IGroupManager Groups => throw new NotSupportedException("Only sending is recorded.");

        public async Task<(IReadOnlyList<string> Groups, string Method, object? Argument)> HeardAsync(string method, TimeSpan within)
        {
            using var deadline = new CancellationTokenSource(within);
            while (true)
            {
                if (Sent.FirstOrDefault(s => s.Method == method) is { Method: not null } heard)
                {
                    return heard;
                }

                try
                {
                    await Task.Delay(20, deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    Assert.Fail($"The console's pages did not hear \"{method}\" within {within.TotalSeconds} s.");
                }
            }
        }

        private sealed class Recipients(ConsolePages pages) : IHubClients
        {
            public IClientProxy All => new Proxy(pages, [Everyone]);

            public IClientProxy Group(string groupName) => new Proxy(pages, [groupName]);

            public IClientProxy Groups(IReadOnlyList<string> groupNames) => new Proxy(pages, groupNames);

            public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

            public IClientProxy Client(string connectionId) => throw new NotSupportedException();

            public IClientProxy Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();

            public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

            public IClientProxy User(string userId) => throw new NotSupportedException();

            public IClientProxy Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();
        }

        private sealed class Proxy(ConsolePages pages, IReadOnlyList<string> groups) : IClientProxy
        {
            public Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
            {
                pages.Sent.Enqueue((groups, method, args.SingleOrDefault()));
                return Task.CompletedTask;
            }
        }
    }
}
