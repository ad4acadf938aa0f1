using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.WeChat;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>
/// The access_token is fetched once for everyone — callers of one instance, instances on one database — and again
/// only when WeChat hands over to the next one, five minutes before the old one expires.
/// </summary>
public sealed class WeChatTokensTests : IAsyncLifetime
{
    // Counted as calls, not as tokens issued: WeChat's normal mode gives two overlapping fetches the same token.
    private const string StableToken = "/cgi-bin/stable_token";

    private FakeWeChatApi _wechat = null!;

    public async Task InitializeAsync() => _wechat = await FakeWeChatApi.StartAsync();

    public async Task DisposeAsync() => await _wechat.DisposeAsync();

    [Fact]
    public async Task Many_callers_at_once_share_one_fetched_token()
    {
        _wechat.Delay = TimeSpan.FromMilliseconds(300);
        await using var host = WeChatHost.For(_wechat);
        var tokens = host.Tokens();

        var got = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => tokens.GetAsync(default))));

        Assert.All(got, t => Assert.Equal("token-1", t));
        Assert.Equal(1, _wechat.Calls(StableToken));
    }

    [Fact]
    public async Task A_second_instance_on_the_same_database_uses_the_stored_token_without_fetching()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pingtang-tests", Guid.NewGuid().ToString("N"));
        await using (var first = WeChatHost.For(_wechat, dataFolder: folder))
        {
            first.KeepData = true;
            Assert.Equal("token-1", await first.Tokens().GetAsync(default));
        }

        await using var second = WeChatHost.For(_wechat, dataFolder: folder);

        Assert.Equal("token-1", await second.Tokens().GetAsync(default));
        Assert.Equal(1, _wechat.Calls(StableToken));
    }

    [Fact]
    public async Task Two_instances_asking_at_once_fetch_one_token_between_them()
    {
        _wechat.Delay = TimeSpan.FromMilliseconds(400);
        var folder = Path.Combine(Path.GetTempPath(), "pingtang-tests", Guid.NewGuid().ToString("N"));
        await using var first = WeChatHost.For(_wechat, dataFolder: folder);
        first.KeepData = true;
        await using var second = WeChatHost.For(_wechat, dataFolder: folder);
        var (a, b) = (first.Tokens(), second.Tokens());

        var got = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).GetAsync(default))));

        Assert.All(got, t => Assert.Equal("token-1", t));
        Assert.Equal(1, _wechat.Calls(StableToken));
    }

    [Fact]
    public async Task A_token_is_replaced_in_its_last_five_minutes_and_not_before()
    {
        var clock = new FakeTimeProvider(TestClock.Now);
        await using var wechat = await FakeWeChatApi.StartAsync(clock);
        await using var host = WeChatHost.For(wechat, clock);
        var tokens = host.Tokens();
        Assert.Equal("token-1", await tokens.GetAsync(default));

        clock.Advance(TimeSpan.FromSeconds(7200 - 301));
        Assert.Equal("token-1", await tokens.GetAsync(default));
        Assert.Equal(1, wechat.Calls(StableToken));

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("token-2", await tokens.GetAsync(default));
        Assert.Equal("token-2", await tokens.GetAsync(default));
        Assert.Equal(2, wechat.Calls(StableToken));
        Assert.Equal(0, wechat.ForcedRefreshes);
    }

    [Fact]
    public async Task A_short_lived_token_is_used_for_half_its_life_not_fetched_at_every_call()
    {
        var clock = new FakeTimeProvider(TestClock.Now);
        await using var wechat = await FakeWeChatApi.StartAsync(clock);
        wechat.ExpiresIn = 300;
        await using var host = WeChatHost.For(wechat, clock);
        var tokens = host.Tokens();
        await tokens.GetAsync(default);

        clock.Advance(TimeSpan.FromSeconds(140));
        await tokens.GetAsync(default);
        await tokens.GetAsync(default);
        Assert.Equal(1, wechat.Calls(StableToken));

        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal("token-2", await tokens.GetAsync(default));
    }

    [Fact]
    public async Task Two_callers_refused_the_same_token_get_one_new_token()
    {
        await using var host = WeChatHost.For(_wechat);
        var tokens = host.Tokens();
        var refused = await tokens.GetAsync(default);
        _wechat.InvalidateToken();
        _wechat.Delay = TimeSpan.FromMilliseconds(300);

        var fresh = await Task.WhenAll(Task.Run(() => tokens.RefreshAsync(refused, default)), Task.Run(() => tokens.RefreshAsync(refused, default)));

        Assert.Equal(["token-2", "token-2"], fresh);
        Assert.Equal("token-2", await tokens.RefreshAsync(refused, default));
        Assert.Equal(2, _wechat.Calls(StableToken));
        Assert.Equal(0, _wechat.ForcedRefreshes);
    }

    [Fact]
    public async Task Two_instances_refused_the_same_token_fetch_one_new_token_between_them()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pingtang-tests", Guid.NewGuid().ToString("N"));
        await using var first = WeChatHost.For(_wechat, dataFolder: folder);
        first.KeepData = true;
        await using var second = WeChatHost.For(_wechat, dataFolder: folder);
        var (a, b) = (first.Tokens(), second.Tokens());
        var refused = await a.GetAsync(default);
        Assert.Equal(refused, await b.GetAsync(default));
        _wechat.InvalidateToken(42001);
        _wechat.Delay = TimeSpan.FromMilliseconds(300);

        var fresh = await Task.WhenAll(Task.Run(() => a.RefreshAsync(refused, default)), Task.Run(() => b.RefreshAsync(refused, default)));

        Assert.Equal(["token-2", "token-2"], fresh);
        Assert.Equal(2, _wechat.Calls(StableToken));
    }

    [Fact]
    public async Task Callers_at_once_share_one_refusal_of_a_wrong_secret_and_the_next_caller_asks_again()
    {
        _wechat.Delay = TimeSpan.FromMilliseconds(300);
        await using var host = WeChatHost.For(_wechat, settings: new() { ["WeChat:AppSecret"] = "0000000000000000000000000000beef" });
        var tokens = host.Tokens();

        var refusals = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Assert.ThrowsAsync<WeChatApiException>(() => Task.Run(() => tokens.GetAsync(default)))));
        Assert.All(refusals, r => Assert.Equal(40125, r.ErrorCode));
        Assert.Equal(1, _wechat.Calls(StableToken));

        await Assert.ThrowsAsync<WeChatApiException>(() => tokens.GetAsync(default));
        Assert.Equal(2, _wechat.Calls(StableToken));
    }
}
