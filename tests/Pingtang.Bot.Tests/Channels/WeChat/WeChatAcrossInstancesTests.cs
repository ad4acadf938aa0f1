using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Channels.WeChat;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>
/// Two instances on one PostgreSQL database behind a load balancer: WeChat's retries of one message, which may reach
/// either, still run one turn and get one answer. (The token lease across instances is in
/// <see cref="WeChatTokensTests"/>, which <c>./test.sh</c> runs on PostgreSQL too.)
/// </summary>
public sealed class WeChatAcrossInstancesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TestClock.Now);
    private readonly OneDatabase _database = new();
    private FakeWeChatApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeWeChatApi.StartAsync();

    public async Task DisposeAsync()
    {
        _database.Dispose();
        await _api.DisposeAsync();
    }

    [PostgresTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Retries_of_one_message_at_both_instances_at_once_run_one_turn_and_get_the_same_answer(bool safeMode)
    {
        var (a, b) = (Instance(), Instance());
        var (toA, toB) = (new WeChatServer(a.CreateClient(), _clock, safeMode), new WeChatServer(b.CreateClient(), _clock, safeMode));
        var xml = toA.Text("oUser-two", "你好", WeChatServer.NextMsgId());

        var answers = await Task.WhenAll(toA.PostAsync(xml), toB.PostAsync(xml), toA.PostAsync(xml), toB.PostAsync(xml));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.NotNull(answers[0].Reply);
        Assert.Single(answers.Select(answer => answer.Reply?.Content).Distinct());
        await using var bot = await a.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        Assert.Equal(1, await bot.Set<WeChatInboxEntry>().CountAsync());
        Assert.Equal(1, await bot.Set<WorkerAddress>().CountAsync(address => address.ChannelId == WeChatAdapter.ChannelId));
        await using var scope = b.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PingtangDb>().Workers.CountAsync());
    }

    private PingtangFactory Instance() => _database.Instance(settings => WeChatHost.For(_api, _clock, settings: settings));
}
