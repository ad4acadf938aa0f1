using System.Net;
using System.Text.Json;
using Microsoft.Bot.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineActivitiesTests : IDisposable
{
    private readonly PingtangFactory _host = DirectLineKit.Host();
    private readonly DirectLineKit _dl;

    public DirectLineActivitiesTests() => _dl = new DirectLineKit(_host.CreateClient());

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Starting_a_conversation_tells_the_bot_which_welcomes_the_user()
    {
        var started = await _dl.StartAsync();

        var (activities, _) = await _dl.GetAsync(started);

        var welcome = Assert.Single(activities);
        Assert.Equal("bot", DirectLineKit.Role(welcome));
        Assert.Contains(MenuTexts.Welcome, DirectLineKit.Text(welcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ID_number_the_worker_types_is_kept_masked_in_the_conversations_history_and_a_phone_number_as_typed()
    {
        var started = await _dl.StartAsync();

        await _dl.SayAsync(started, "身份证522727199001011231，电话13800000001");

        var (activities, _) = await _dl.GetAsync(started);
        var mine = Assert.Single(activities, a => DirectLineKit.Role(a) == "user");
        Assert.Equal("身份证5227**********1231，电话13800000001", DirectLineKit.Text(mine));
        await using var scope = _host.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<BotDb>().Set<Pingtang.Bot.Channels.DirectLine.DirectLineActivityRecord>().Select(a => a.Json).ToListAsync();
        Assert.DoesNotContain(stored, json => json.Contains("199001011231", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_posted_message_is_echoed_with_the_clients_activity_id_and_answered_by_the_bot()
    {
        var started = await _dl.StartAsync();
        var (before, watermark) = await _dl.GetAsync(started);

        var id = await _dl.SayAsync(started, "帮助");
        var (activities, _) = await _dl.GetAsync(started, watermark);

        var echo = activities[0];
        Assert.Equal(id, echo.GetProperty("id").GetString());
        Assert.Equal("帮助", DirectLineKit.Text(echo));
        Assert.Equal("user", DirectLineKit.Role(echo));
        Assert.Equal("directline", echo.GetProperty("channelId").GetString());
        Assert.Equal(started.ConversationId, echo.GetProperty("conversation").GetProperty("id").GetString());
        Assert.True(echo.GetProperty("channelData").TryGetProperty("clientActivityID", out _));
        Assert.False(echo.TryGetProperty("serviceUrl", out _));

        var replies = activities[1..];
        Assert.NotEmpty(replies);
        Assert.All(replies, r => Assert.Equal("bot", DirectLineKit.Role(r)));
        Assert.All(replies, r => Assert.Equal(id, r.GetProperty("replyToId").GetString()));
        Assert.Contains(replies, r => DirectLineKit.Text(r)!.Contains("「菜单」", StringComparison.Ordinal));
        Assert.Single(before);
    }

    [Fact]
    public async Task A_resend_with_the_same_client_activity_id_gets_the_same_id_and_no_second_answer()
    {
        var started = await _dl.StartAsync();
        var (_, watermark) = await _dl.GetAsync(started);
        var message = DirectLineKit.Message("帮助", clientActivityId: "web-chat-1");

        var sends = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _dl.PostAsync(started, message)));
        var (activities, _) = await _dl.GetAsync(started, watermark);

        Assert.All(sends, s => Assert.Equal(HttpStatusCode.OK, s.Status));
        Assert.Single(sends.Select(s => s.Body.GetProperty("id").GetString()).Distinct());
        Assert.Single(activities, a => DirectLineKit.Role(a) == "user");
        Assert.Single(activities, a => DirectLineKit.Text(a)!.Contains("「菜单」", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"type":"message","text":"hi","channelData":{"clientActivityID":42}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"type":"message","text":"hi","channelData":{"clientActivityID":""}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"type":"message","text":"hi","channelData":"not an object"}""", HttpStatusCode.OK)]
    public async Task A_client_activity_id_must_be_a_short_string(string activity, HttpStatusCode expected)
    {
        var started = await _dl.StartAsync();

        var (status, _) = await _dl.PostAsync(started, activity);

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task A_token_holder_cannot_speak_as_someone_else()
    {
        var started = await _dl.StartAsync();
        var victim = await _dl.StartAsync();

        await _dl.PostAsync(started, DirectLineKit.Message("我是别人", fromId: DirectLineKit.UserOf(victim.Token)));
        var (activities, _) = await _dl.GetAsync(started);

        var echo = Assert.Single(activities, a => DirectLineKit.Role(a) == "user");
        Assert.Equal(DirectLineKit.UserOf(started.Token), echo.GetProperty("from").GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_secret_may_name_its_own_user_but_not_a_token_users_dl_id()
    {
        var (_, json) = await _dl.SendAsync(HttpMethod.Post, "/v3/directline/conversations", DirectLineKit.Secret);
        var conversation = new DirectLineKit.Started(json.GetProperty("conversationId").GetString()!, DirectLineKit.Secret, null);
        var webUser = await _dl.StartAsync();

        var named = await _dl.PostAsync(conversation, DirectLineKit.Message("你好", fromId: "kiosk-7"));
        var spoofed = await _dl.PostAsync(conversation, DirectLineKit.Message("你好", fromId: DirectLineKit.UserOf(webUser.Token)));
        var (activities, _) = await _dl.GetAsync(conversation);

        Assert.Equal(HttpStatusCode.OK, named.Status);
        Assert.Equal(HttpStatusCode.Forbidden, spoofed.Status);
        var echo = Assert.Single(activities, a => DirectLineKit.Role(a) == "user");
        Assert.Equal("kiosk-7", echo.GetProperty("from").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("{\"type\": \"message\", \"text\": ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"message\"")]
    [InlineData("{\"text\": \"没有类型\"}")]
    [InlineData("{\"type\": \"conversationUpdate\"}")]
    [InlineData("{\"type\": 5, \"text\": \"x\"}")]
    [InlineData("{\"type\": \"message\", \"text\": {\"a\": 1}}")]
    [InlineData("{\"type\": \"message\", \"text\": \"x\", \"timestamp\": \"not a date\"}")]
    [InlineData("{\"type\": \"message\", \"text\": \"x\", \"from\": \"me\"}")]
    [InlineData("{\"type\": \"message\", \"attachments\": [{\"contentType\": \"image/png\", \"contentUrl\": \"http://10.0.0.1/\"}]}")]
    public async Task A_malformed_activity_is_refused_with_400_and_changes_nothing(string body)
    {
        var started = await _dl.StartAsync();
        var (_, watermark) = await _dl.GetAsync(started);

        var (status, json) = await _dl.PostAsync(started, body);
        var (after, _) = await _dl.GetAsync(started, watermark);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BadArgument", json.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("error").GetProperty("message").GetString()));
        Assert.Empty(after);
    }

    [Fact]
    public async Task Text_of_2000_characters_is_accepted_and_2001_refused_with_a_clear_message()
    {
        var started = await _dl.StartAsync();

        var longest = await _dl.PostAsync(started, DirectLineKit.Message(new string('工', 2000)));
        var tooLong = await _dl.PostAsync(started, DirectLineKit.Message(new string('工', 2001)));

        Assert.Equal(HttpStatusCode.OK, longest.Status);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Contains("2000", tooLong.Body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_32_KB_is_refused_with_413()
    {
        var started = await _dl.StartAsync();
        var body = JsonSerializer.Serialize(new { type = "message", text = "x", channelData = new { padding = new string('a', 40_000) } });

        var (status, _) = await _dl.PostAsync(started, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task A_watermark_that_is_not_one_the_service_gave_is_400()
    {
        var started = await _dl.StartAsync();

        var (status, _) = await _dl.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{started.ConversationId}/activities?watermark=-1", started.Token);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Watermarks_page_through_the_conversation_in_order_without_gaps_or_repeats()
    {
        var started = await _dl.StartAsync();
        for (var i = 0; i < 55; i++)
        {
            await _dl.SayAsync(started, $"第{i}条");
        }

        var seen = new List<JsonElement>();
        string? watermark = null;
        var pages = 0;
        while (true)
        {
            var (page, next) = await _dl.GetAsync(started, watermark);
            if (page.Count == 0)
            {
                Assert.Equal(watermark, next);
                break;
            }

            seen.AddRange(page);
            watermark = next;
            pages++;
        }

        // The welcome, then 55 messages each with the bot's answers: over 110 activities, so more than one page.
        Assert.True(seen.Count > 110);
        Assert.Equal((seen.Count + 99) / 100, pages);
        Assert.Equal(
            Enumerable.Range(1, seen.Count).Select(n => $"{started.ConversationId}|{n:D7}"),
            seen.Select(a => a.GetProperty("id").GetString()));
        var userTexts = seen.Where(a => DirectLineKit.Role(a) == "user").Select(DirectLineKit.Text).ToList();
        Assert.Equal(Enumerable.Range(0, 55).Select(i => $"第{i}条"), userTexts);
    }

    [Fact]
    public async Task The_bot_can_message_a_direct_line_user_proactively()
    {
        var started = await _dl.StartAsync();
        var (_, watermark) = await _dl.GetAsync(started);
        int workerId;
        await using (var db = await _host.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync())
        {
            var userId = DirectLineKit.UserOf(started.Token);
            workerId = (await db.Set<WorkerAddress>().SingleAsync(a => a.ChannelId == "directline" && a.UserId == userId)).WorkerId;
        }

        var outcome = await _host.Services.GetRequiredService<ProactiveMessenger>().SendAsync(workerId, MessageFactory.Text("明天上午9点培训开课。"), CancellationToken.None);
        var (activities, _) = await _dl.GetAsync(started, watermark);

        Assert.Equal(Pingtang.Bot.Channels.DirectLine.DirectLineAdapter.ChannelId, outcome?.ChannelId);
        var reminder = Assert.Single(activities);
        Assert.Equal("明天上午9点培训开课。", DirectLineKit.Text(reminder));
        Assert.Equal("bot", DirectLineKit.Role(reminder));
    }
}

public sealed class DirectLinePersistenceTests
{
    [Fact]
    public async Task A_client_coming_back_with_its_watermark_after_a_restart_misses_nothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pingtang-tests", Guid.NewGuid().ToString("N"));
        DirectLineKit.Started started;
        string watermark;
        await using (var first = DirectLineKit.Host(dataFolder: folder))
        {
            first.KeepData = true;
            var dl = new DirectLineKit(first.CreateClient());
            started = await dl.StartAsync();
            (_, watermark) = await dl.GetAsync(started);
            await dl.SayAsync(started, "帮助");
        }

        await using var second = DirectLineKit.Host(dataFolder: folder);
        var again = new DirectLineKit(second.CreateClient());
        var (missed, last) = await again.GetAsync(started, watermark);
        var reply = await again.SayAsync(started, "菜单");

        Assert.Equal("帮助", DirectLineKit.Text(missed[0]));
        Assert.Equal("user", DirectLineKit.Role(missed[0]));
        Assert.All(missed[1..], a => Assert.Equal("bot", DirectLineKit.Role(a)));
        Assert.NotEmpty(missed[1..]);
        Assert.EndsWith($"|{int.Parse(last, System.Globalization.CultureInfo.InvariantCulture) + 1:D7}", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_secret_one_is_generated_once_and_kept_in_the_data_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pingtang-tests", Guid.NewGuid().ToString("N"));
        string token;
        await using (var first = new PingtangFactory(dataFolder: folder) { KeepData = true })
        {
            _ = first.Services.GetRequiredService<Pingtang.Bot.Channels.DirectLine.DirectLineTokens>();
            var secret = await File.ReadAllTextAsync(Path.Combine(folder, "directline-secret.txt"));
            var (status, json) = await new DirectLineKit(first.CreateClient()).SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", secret);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(secret.Length >= 32);
            token = json.GetProperty("token").GetString()!;
        }

        await using var second = new PingtangFactory(dataFolder: folder);
        var (again, _) = await new DirectLineKit(second.CreateClient()).SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);

        Assert.Equal(HttpStatusCode.Created, again);
    }

    [Fact]
    public void A_configured_secret_too_short_to_be_safe_stops_the_service_at_start()
    {
        using var host = new PingtangFactory(new Dictionary<string, string?> { ["DirectLine:Secret"] = "short" });

        var error = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains("DirectLine:Secret", error.ToString(), StringComparison.Ordinal);
    }
}
