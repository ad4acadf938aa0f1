using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Pingtang.Benchmarks.Turns;

/// <summary>
/// <c>turns [--jobs 50000] [--seconds 10] [--rounds 2] [--warmup 5] [--conversations 8,64] [--profile] [--keep]
/// [--messages 100000] [--workers 10000] [--no-outbox] [--postgres "Host=…;Username=…"]</c>: our full dialog turn through <c>/api/messages</c> and
/// through the built-in Direct Line, beside a stock Bot Framework echo bot under the same load, phases alternating so
/// the machine's noise falls on all alike; then the outbox against a bare loop (<see cref="OutboxCommand"/>). Prints
/// the tables and whether each floor of issue 9 is met; exits 0 unless something broke, because the floors are
/// targets being worked towards, not yet a gate. With <c>--postgres</c> the service runs on a database of its own made
/// on that server and dropped after, and so does the outbox's part, on another.
/// </summary>
internal static class TurnsCommand
{
    public const string Name = "turns";

    public static async Task<int> RunAsync(string[] args)
    {
        var jobs = Options.Int(args, "--jobs", 50_000);
        var seconds = TimeSpan.FromSeconds(Options.Int(args, "--seconds", 10));
        var rounds = Options.Int(args, "--rounds", 2);
        var warmup = TimeSpan.FromSeconds(Options.Int(args, "--warmup", 5));
        var conversations = ConversationCounts(args);
        var profiling = Options.Flag(args, "--profile");
        var keep = Options.Flag(args, "--keep");
        var server = Options.Text(args, "--postgres");
        var outbox = Options.Flag(args, "--no-outbox") ? null : OutboxLoad.From(args);
        Console.WriteLine($"turns: {jobs:N0} postings, {seconds.TotalSeconds:N0} s a phase, {rounds} rounds, {string.Join(" and ", conversations)} conversations on {BenchmarkDatabase.ProviderName(server)}{(outbox is null ? "" : $"; then the outbox, {outbox}")}{(profiling ? "; profiling the service" : "")}");
        return await BenchmarkRun.InTemporaryFolderAsync(Name, keep, async (folder, cancellationToken) =>
        {
            List<PhaseResult> results;
            long unmatched;
            bool profiled;
            await using (var postgres = await BenchmarkDatabase.CreateAsync(server))
            {
                var servers = await Servers.StartAsync(folder, BenchmarkDatabase.StorageArguments(postgres, Path.Combine(folder, "data")), jobs, profiling, cancellationToken);
                await using (servers)
                {
                    results = await MeasureAsync(servers, conversations, seconds, rounds, warmup, cancellationToken);
                    unmatched = servers.Connector.Unmatched;
                    profiled = servers.Profile is not null;
                }
            }

            // After the turns' servers have stopped, so that they take none of the machine from it.
            var sent = outbox is null ? null : await OutboxCommand.MeasureAsync(Path.Combine(folder, "outbox"), outbox, profiling, server, cancellationToken);
            TurnsReport.Print(results, profiled);
            TurnsReport.PrintOutbox(sent);
            if (unmatched > 0)
            {
                Console.WriteLine($"Note: the fake connector received {unmatched} replies no turn was waiting for.");
            }
        });
    }

    private static async Task<List<PhaseResult>> MeasureAsync(
        Servers servers, IReadOnlyList<int> conversations, TimeSpan seconds, int rounds, TimeSpan warmup, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<ChatPath, ReplyCounts>();
        foreach (var path in servers.Paths)
        {
            counts[path] = await LearnReplyCountsAsync(path, $"bench-learn-{counts.Count}", cancellationToken);
            Console.WriteLine($"{path.Name}: replies to {counts[path]}");
        }

        foreach (var path in servers.Paths)
        {
            var warm = await Phase.RunAsync(path, counts[path], conversations[0], warmup, profile: null, cancellationToken);
            Console.WriteLine($"warm-up {TurnsReport.Line(warm)}");
        }

        // Ours, the echo bot, ours, the echo bot: each of our phases has an echo phase beside it.
        ChatPath[] order = [servers.Api, servers.Echo, servers.DirectLine, servers.Echo];
        var results = new List<PhaseResult>();
        foreach (var n in conversations)
        {
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var path in order)
                {
                    var result = await Phase.RunAsync(path, counts[path], n, seconds, path.Server == servers.Service ? servers.Profile : null, cancellationToken);
                    results.Add(result);
                    Console.WriteLine($"round {round}  {TurnsReport.Line(result)}");
                }
            }
        }

        return results;
    }

    /// <summary>
    /// The dialog once, in a conversation of its own, counting the replies to each input; and once more to check
    /// the counts hold. The load then waits for exactly that many replies per turn.
    /// </summary>
    private static async Task<ReplyCounts> LearnReplyCountsAsync(ChatPath path, string tag, CancellationToken cancellationToken)
    {
        ReplyCounts? learned = null;
        for (var i = 0; i < 2; i++)
        {
            var (chat, start) = await path.StartAsync($"{tag}-{i}", $"{tag}-user", expected: null, cancellationToken);
            var turns = new List<int>();
            foreach (var input in Dialog.Inputs)
            {
                turns.Add(await path.TurnAsync(chat, input, expected: null, cancellationToken));
            }

            var counts = new ReplyCounts(start, turns);
            if (learned is not null && !(learned.Start == counts.Start && learned.Turns.SequenceEqual(counts.Turns)))
            {
                throw new InvalidOperationException($"{path.Name} answered the same dialog differently: {learned}, then {counts}.");
            }

            learned = counts;
        }

        return learned!;
    }

    private static int[] ConversationCounts(string[] args)
    {
        var at = Array.IndexOf(args, "--conversations");
        var parsed = at >= 0 && at + 1 < args.Length
            ? args[at + 1].Split(',').Select(s => int.TryParse(s, CultureInfo.InvariantCulture, out var n) ? n : 0).Where(n => n > 0).ToArray()
            : [];
        return parsed.Length > 0 ? parsed : [8, 64];
    }

    /// <summary>
    /// The servers under test, each in its own process: the service as <c>dotnet run --project src/Pingtang.Bot</c>
    /// would run it but in Production, on a data folder seeded by its own <c>seed-demo</c>; the stock echo bot; and,
    /// in this process, the fake connector both answer to.
    /// </summary>
    private sealed class Servers : IAsyncDisposable
    {
        private readonly HttpClient _http;

        private Servers(ServiceProcess service, ServiceProcess echo, FakeConnector connector, HttpClient http, string secret, ServerProfile? profile)
        {
            Service = service;
            EchoProcess = echo;
            Connector = connector;
            _http = http;
            Profile = profile;
            Api = new ApiMessagesPath(TurnsReport.ApiMessagesName, service, http, connector);
            DirectLine = new DirectLinePath(TurnsReport.DirectLineName, service, http, secret);
            Echo = new ApiMessagesPath(TurnsReport.EchoName, echo, http, connector);
        }

        public ServiceProcess Service { get; }

        public ServiceProcess EchoProcess { get; }

        public FakeConnector Connector { get; }

        public ServerProfile? Profile { get; }

        public ChatPath Api { get; }

        public ChatPath DirectLine { get; }

        public ChatPath Echo { get; }

        public IReadOnlyList<ChatPath> Paths => [Api, DirectLine, Echo];

        public static async Task<Servers> StartAsync(string folder, string[] storage, int jobs, bool profiling, CancellationToken cancellationToken)
        {

            Console.WriteLine($"Seeding {jobs:N0} postings with the service's own seed-demo…");
            var seeding = Stopwatch.StartNew();
            await ServiceProcess.RunToEndAsync("seed-demo", ServiceProcess.Dotnet, [ServiceProcess.BotAssembly, "seed-demo", "--jobs", jobs.ToString(CultureInfo.InvariantCulture), .. storage], ServiceProcess.BotProject, ServiceProcess.Production, Path.Combine(folder, "seed-demo.log"), cancellationToken);
            Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:N0} s.");

            var started = new Stack<IAsyncDisposable>();
            try
            {
                return await StartServersAsync(folder, storage, profiling, started, cancellationToken);
            }
            catch
            {
                while (started.TryPop(out var server))
                {
                    await server.DisposeAsync();
                }

                throw;
            }
        }

        private static async Task<Servers> StartServersAsync(string folder, string[] storage, bool profiling, Stack<IAsyncDisposable> started, CancellationToken cancellationToken)
        {
            var connector = await FakeConnector.StartAsync(cancellationToken);
            started.Push(connector);
            var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            var serviceEnvironment = new Dictionary<string, string>(ServiceProcess.Production);
            var profile = profiling ? ServerProfile.Attach(serviceEnvironment, Path.Combine(folder, "profile.json")) : null;

            var service = await ServiceProcess.StartAsync(
                "Pingtang.Bot", ServiceProcess.Dotnet, [ServiceProcess.BotAssembly, "--urls", "http://127.0.0.1:0", .. storage, "--Scheduling:Enabled=false", $"--DirectLine:Secret={secret}"],
                ServiceProcess.BotProject, serviceEnvironment, Path.Combine(folder, "service.log"), cancellationToken);
            started.Push(service);
            // A web project runs with the server GC; this console project's runtime settings do not say so.
            var echo = await ServiceProcess.StartAsync(
                "echo bot", ServiceProcess.Dotnet, [typeof(TurnsCommand).Assembly.Location, EchoBot.Mode, "--urls", "http://127.0.0.1:0"],
                folder, new Dictionary<string, string>(ServiceProcess.Production) { ["DOTNET_gcServer"] = "1" }, Path.Combine(folder, "echo.log"), cancellationToken);
            Console.WriteLine($"Service at {service.BaseUrl} (pid {service.Id}), echo bot at {echo.BaseUrl} (pid {echo.Id}), fake connector at {connector.ServiceUrl}");

            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { Timeout = TimeSpan.FromSeconds(90) };
            return new Servers(service, echo, connector, http, secret, profile);
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            await Service.DisposeAsync();
            await EchoProcess.DisposeAsync();
            await Connector.DisposeAsync();
        }
    }
}
