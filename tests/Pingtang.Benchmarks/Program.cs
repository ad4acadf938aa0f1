using Pingtang.Benchmarks;
using Pingtang.Benchmarks.Turns;

// Each takes --postgres "Host=…;Username=…" to run on a database of its own on that server instead of SQLite.
// dotnet run -c Release --project tests/Pingtang.Benchmarks -- [search] [--jobs 50000] [--runs 300]
// dotnet run -c Release --project tests/Pingtang.Benchmarks -- turns [--jobs 50000] [--seconds 10] [--rounds 2] [--profile] [--messages 100000] [--no-outbox]
// dotnet run -c Release --project tests/Pingtang.Benchmarks -- outbox [--messages 100000] [--workers 10000] [--profile]
// dotnet run -c Release --project tests/Pingtang.Benchmarks -- broadcast [--workers 100000]
return args switch
{
    [TurnsCommand.Name, .. var rest] => await TurnsCommand.RunAsync(rest),
    [OutboxCommand.Name, .. var rest] => await OutboxCommand.RunAsync(rest),
    [BroadcastCommand.Name, .. var rest] => await BroadcastCommand.RunAsync(rest),
    [EchoBot.Mode, .. var rest] => await EchoBot.RunAsync(rest),
    [BareLoop.Mode, .. var rest] => await BareLoop.RunAsync(rest),
    [SearchCommand.Name, .. var rest] => await SearchCommand.RunAsync(rest),
    _ => await SearchCommand.RunAsync(args),
};
