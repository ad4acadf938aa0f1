using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Profile;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Channels.Addresses;

public sealed class AddressBookTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly PingtangFactory _factory;

    public AddressBookTests() => _factory = new PingtangFactory(clock: _clock);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_worker_seen_again_within_minutes_on_the_same_conversation_is_not_written_again()
    {
        await Conversation.Start(_factory, "worker-7")
            .Send("5").Expect(ProfileTexts.Intro).Expect(ProfileTexts.AskName)
            .Then(() => _clock.Advance(AddressBook.LastSeenResolution - TimeSpan.FromMinutes(1)))
            .Send("王师傅").Expect(ProfileTexts.AskMobile)
            .StartTestAsync();

        Assert.Equal(Start, (await SingleAddressAsync()).LastSeenAt);
    }

    [Fact]
    public async Task A_last_seen_time_older_than_the_resolution_is_brought_up_to_date()
    {
        await Conversation.Start(_factory, "worker-7")
            .Send("5").Expect(ProfileTexts.Intro).Expect(ProfileTexts.AskName)
            .Then(() => _clock.Advance(AddressBook.LastSeenResolution + TimeSpan.FromMinutes(1)))
            .Send("王师傅").Expect(ProfileTexts.AskMobile)
            .StartTestAsync();

        Assert.Equal(_clock.GetUtcNow(), (await SingleAddressAsync()).LastSeenAt);
    }

    [Fact]
    public async Task A_new_conversation_of_the_same_worker_is_recorded_at_once()
    {
        await Conversation.Start(_factory, "worker-7").Send("5").Expect(ProfileTexts.Intro).StartTestAsync();
        var first = await SingleAddressAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));

        await Conversation.Start(_factory, "worker-7").Send("5").Expect(ProfileTexts.Intro).StartTestAsync();

        var second = await SingleAddressAsync();
        Assert.Equal(first.WorkerId, second.WorkerId);
        Assert.Equal(_clock.GetUtcNow(), second.LastSeenAt);
        var before = JsonConvert.DeserializeObject<ConversationReference>(first.ConversationReference)!;
        var after = JsonConvert.DeserializeObject<ConversationReference>(second.ConversationReference)!;
        Assert.NotEqual(before.Conversation.Id, after.Conversation.Id);
        Assert.Null(after.ActivityId);
    }

    [Fact]
    public async Task An_address_left_on_a_worker_merged_into_another_is_that_others_when_it_next_writes()
    {
        await Conversation.Start(_factory, "worker-7").Send("你好").StartTestAsync();
        await Conversation.Start(_factory, "worker-8").Send("你好").StartTestAsync();
        await WorkerProfiles.SetAsync(_factory, "worker-7", WorkerProfile.Empty with { Name = "王师傅", Mobile = "13812345678" });
        var (owner, other) = (await WorkerProfiles.WorkerIdAsync(_factory, "worker-7"), await WorkerProfiles.WorkerIdAsync(_factory, "worker-8"));

        // The merge is saved, and the service stops before it moves the addresses.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var links = scope.ServiceProvider.GetRequiredService<WorkerLinks>();
            await links.ClaimMobileAsync(other, "13812345678", default);
            var code = (await scope.ServiceProvider.GetRequiredService<PingtangDb>().WorkerLinks.SingleAsync()).Code;
            Assert.Equal(new LinkAnswer.Linked(owner), await links.ConfirmAsync(other, code, default));
        }

        await Conversation.Start(_factory, "worker-8").Send("我的信息").Expect("称呼：王师傅").StartTestAsync();

        Assert.Equal(owner, await WorkerProfiles.WorkerIdAsync(_factory, "worker-8"));
    }

    private async Task<WorkerAddress> SingleAddressAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        return await db.Set<WorkerAddress>().AsNoTracking().SingleAsync();
    }
}
