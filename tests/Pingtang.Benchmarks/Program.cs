using Pingtang.Benchmarks;
using Pingtang.Benchmarks.Turns;

// dotnet run -c Release --project tests/Pingtang.Benchmarks -- [search] [--jobs 50000] [--runs 300]
// dotnet run -c Release --project tests/Pingtang.Benchmarks -- turns [--jobs 50000] [--seconds 10] [--rounds 2] [--profile]
return args switch
{
    [TurnsCommand.Name, .. var rest] => await TurnsCommand.RunAsync(rest),
    [EchoBot.Mode, .. var rest] => await EchoBot.RunAsync(rest),
    [SearchCommand.Name, .. var rest] => await SearchCommand.RunAsync(rest),
    _ => await SearchCommand.RunAsync(args),
};
