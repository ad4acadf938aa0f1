using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Hosting;

/// <summary>How commits reach the disk: the operator's choice, read from every connection the service opens.</summary>
public sealed class SqliteTuningTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("normal", 1)]
    [InlineData("FULL", 2)]
    public async Task Connections_commit_as_the_setting_says(string? setting, long expected)
    {
        await using var host = new PingtangFactory(new Dictionary<string, string?> { [SqliteTuning.SynchronousSetting] = setting });
        host.CreateClient();

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";

        Assert.Equal(expected, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public void A_mode_that_is_not_offered_stops_the_start_naming_the_setting()
    {
        using var host = new PingtangFactory(new Dictionary<string, string?> { [SqliteTuning.SynchronousSetting] = "OFF" });

        var failure = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains(SqliteTuning.SynchronousSetting, failure.ToString(), StringComparison.Ordinal);
    }
}
