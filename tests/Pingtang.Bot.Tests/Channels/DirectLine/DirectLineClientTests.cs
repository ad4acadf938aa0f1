using System.Text.Json;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Tests.Uploads;

namespace Pingtang.Bot.Tests.Channels.DirectLine;

/// <summary>
/// The official client, botframework-directlinejs, against the service on a real socket: talking, and sending a file. Needs node and npm; the
/// test installs the pinned packages (npm ci in node/) when they are missing.
/// </summary>
public sealed class DirectLineClientTests
{
    private static readonly NodeFolder Node = NodeFolder.Beside("botframework-directlinejs");

    [Theory]
    [InlineData("polling")]
    [InlineData("websocket")]
    public async Task The_official_client_is_welcomed_and_answered_as_the_user_its_token_names(string mode)
    {
        await using var host = LiveHost.Start();

        var (exitCode, output, errors) = await Node.RunAsync($"client.js {host.BaseUrl} {mode} 帮助");

        Assert.True(exitCode == 0, $"node client failed ({exitCode}): {errors}\n{output}");
        var seen = JsonDocument.Parse(output).RootElement;
        Assert.Contains(MenuTexts.Welcome, seen.GetProperty("welcome").GetString(), StringComparison.Ordinal);
        var echo = seen.GetProperty("echo");
        Assert.Equal(seen.GetProperty("postedId").GetString(), echo.GetProperty("id").GetString());
        Assert.Equal("帮助", echo.GetProperty("text").GetString());
        Assert.Equal(seen.GetProperty("user").GetString(), echo.GetProperty("from").GetString());
        Assert.StartsWith("dl_", echo.GetProperty("from").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("client-", echo.GetProperty("clientActivityID").GetString(), StringComparison.Ordinal);
        Assert.Equal("pingtang-bot", seen.GetProperty("reply").GetProperty("from").GetString());
        Assert.False(string.IsNullOrWhiteSpace(seen.GetProperty("reply").GetProperty("text").GetString()));
        Assert.Contains("Online", seen.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task The_official_client_uploads_a_photo_that_the_bot_receives_with_a_link_to_the_same_bytes()
    {
        var bot = new AttachmentEchoBot();
        await using var host = LiveHost.Start(services: AttachmentEchoBot.Into(bot));
        var photo = Path.Combine(host.Factory.DataFolder, "photo-to-send.png");
        await File.WriteAllBytesAsync(photo, SampleFiles.Png);

        var (exitCode, output, errors) = await Node.RunAsync($"upload.js {host.BaseUrl} {photo} image/png 工资条.png");

        Assert.True(exitCode == 0, $"node client failed ({exitCode}): {errors}\n{output}");
        var seen = JsonDocument.Parse(output).RootElement;
        var message = Assert.Single(bot.Messages);
        Assert.Equal(seen.GetProperty("postedId").GetString(), message.Id);
        Assert.Equal("我的工资条", message.Text);
        Assert.Equal(seen.GetProperty("user").GetString(), message.From.Id);
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal(("image/png", "工资条.png"), (attachment.ContentType, attachment.Name));
        Assert.StartsWith(host.BaseUrl + "/attachments/", attachment.ContentUrl, StringComparison.Ordinal);
        Assert.Equal(attachment.ContentUrl, seen.GetProperty("echo").GetProperty("attachments")[0].GetProperty("contentUrl").GetString());
        Assert.Equal(AttachmentEchoBot.Received + "工资条.png（image/png）", seen.GetProperty("reply").GetString());

        using var http = new HttpClient();
        Assert.Equal(SampleFiles.Png, await http.GetByteArrayAsync(new Uri(attachment.ContentUrl)));
    }
}
