using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Hosting;

public sealed class EfStorageTests : IDisposable
{
    private readonly PingtangFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private IStorage Storage => _factory.Services.GetRequiredService<IStorage>();

    [Fact]
    public async Task Unknown_key_reads_as_absent()
    {
        var items = await Storage.ReadAsync(["nobody"]);
        Assert.Empty(items);
    }

    [Fact]
    public async Task Written_item_reads_back_with_an_etag()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "平塘" } });

        var note = (Newtonsoft.Json.Linq.JObject)(await Storage.ReadAsync(["k"]))["k"];
        Assert.Equal("平塘", note.Value<string>("Text"));
        Assert.False(string.IsNullOrEmpty(note.Value<string>("ETag")));
    }

    [Fact]
    public async Task Stale_write_fails_with_an_etag_conflict_and_changes_nothing()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "first" } });
        var read = await ReadNoteAsync("k");

        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "second", ETag = read.ETag } });
        var stale = new Note { Text = "stale", ETag = read.ETag };
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Storage.WriteAsync(new Dictionary<string, object> { ["k"] = stale }));

        Assert.StartsWith("Etag conflict", error.Message, StringComparison.Ordinal);
        Assert.Equal("second", (await ReadNoteAsync("k")).Text);
    }

    [Fact]
    public async Task Wildcard_etag_overwrites_unconditionally()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "first", ETag = "*" } });
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "second", ETag = "*" } });

        Assert.Equal("second", (await ReadNoteAsync("k")).Text);
    }

    [Fact]
    public async Task Of_two_writers_holding_the_same_etag_exactly_one_wins()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "start" } });
        var etag = (await ReadNoteAsync("k")).ETag;

        var writes = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = $"writer {i}", ETag = etag } })));
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                await w;
                return true;
            }
            catch (Exception e) when (e.Message.StartsWith("Etag conflict", StringComparison.Ordinal))
            {
                return false;
            }
        }));

        Assert.Single(outcomes, won => won);
    }

    [Fact]
    public async Task Conversation_state_survives_a_restart_of_the_service()
    {
        var folder = _factory.DataFolder;
        await Storage.WriteAsync(new Dictionary<string, object> { ["kept"] = new Note { Text = "still here" } });
        _factory.KeepData = true;
        _factory.Dispose();

        using var restarted = new PingtangFactory(dataFolder: folder);
        var note = (Newtonsoft.Json.Linq.JObject)(await restarted.Services.GetRequiredService<IStorage>().ReadAsync(["kept"]))["kept"];
        Assert.Equal("still here", note.Value<string>("Text"));
    }

    [Fact]
    public async Task Deleted_item_is_gone()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "x" } });
        await Storage.DeleteAsync(["k"]);
        Assert.Empty(await Storage.ReadAsync(["k"]));
    }

    private async Task<Note> ReadNoteAsync(string key) =>
        ((Newtonsoft.Json.Linq.JObject)(await Storage.ReadAsync([key]))[key]).ToObject<Note>()!;

    private sealed class Note : IStoreItem
    {
        public string? Text { get; set; }

        public string? ETag { get; set; }
    }
}
