using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Hosting;
using Pingtang.Domain;
using Pingtang.Domain.Migrations.Postgres;

namespace Pingtang.Bot.Tests.Support;

/// <summary>
/// Command lines run through the program's own dispatch on <see cref="DataFolder"/>, as an administrator types them;
/// a folder of their own (removed on dispose) unless one is given.
/// </summary>
public sealed class Commands(string? dataFolder = null) : IDisposable
{
    public string DataFolder { get; } = dataFolder ?? Path.Combine(Path.GetTempPath(), "pingtang-tests", Guid.NewGuid().ToString("N"));

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] storage = TestPostgres.Everywhere
            ? [$"--Storage:DataFolder={DataFolder}", "--Storage:Provider=Postgres", $"--ConnectionStrings:Pingtang={TestPostgres.DatabaseOf(DataFolder)}"]
            : [$"--Storage:DataFolder={DataFolder}"];
        var exitCode = await CommandLine.RunAsync([.. args, .. storage], Program.Commands, new CommandConsole(output, error, IsTerminal: false), CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The database the commands wrote, to see what they did.</summary>
    public PingtangDb OpenDatabase() => TestPostgres.Everywhere
        ? new PostgresPingtangDb(new DbContextOptionsBuilder<PostgresPingtangDb>().UseNpgsql(TestPostgres.DatabaseOf(DataFolder)).Options)
        : new PingtangDb(new DbContextOptionsBuilder<PingtangDb>().UseSqlite($"Data Source={Path.Combine(DataFolder, "pingtang.db")}").Options);

    /// <summary>A path in the data folder for a file a test hands to a command.</summary>
    public string FilePath(string name) => Path.Combine(Directory.CreateDirectory(DataFolder).FullName, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (TestPostgres.Everywhere)
        {
            TestPostgres.DropDatabase(TestPostgres.DatabaseOf(DataFolder));
        }

        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }
}
