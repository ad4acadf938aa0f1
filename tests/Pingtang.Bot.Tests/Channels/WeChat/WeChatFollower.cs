using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.WeChat;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Outbox;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>What the worker saw for one message they sent: the passive reply, then the customer-service messages, in order.</summary>
public sealed record Seen(IReadOnlyList<string> Messages)
{
    /// <summary>Expects exactly as many messages as <paramref name="messages"/>, each containing every one of its parts.</summary>
    public Seen Sees(params string[][] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var shown = string.Join("\n——\n", Messages);
        Assert.True(messages.Length == Messages.Count, $"Expected {messages.Length} messages, saw {Messages.Count}:\n{shown}");
        foreach (var (parts, text) in messages.Zip(Messages))
        {
            foreach (var part in parts)
            {
                Assert.True(text.Contains(part, StringComparison.Ordinal), $"Expected 「{part}」 in:\n{text}\n\nThe worker saw:\n{shown}");
            }
        }

        return this;
    }
}

public static class SeenExpectations
{
    public static async Task<Seen> Sees(this Task<Seen> seen, params string[][] messages)
    {
        ArgumentNullException.ThrowIfNull(seen);
        return (await seen).Sees(messages);
    }
}

/// <summary>
/// A worker who only ever uses WeChat, as WeChat's server delivers them. Every message goes to <c>/api/wechat</c> as
/// three tries at once, as WeChat retries an answer it finds slow — each try signed afresh (its own nonce) and, in safe
/// mode, encrypted afresh — and must run one turn, get one answer on all three tries and queue its further messages
/// once. What the worker then sees is the passive reply followed by the customer-service messages the outbox sent.
/// </summary>
public sealed class WeChatFollower(string openId, WeChatServer wechat, FakeWeChatApi api, PingtangFactory host, FakeTimeProvider clock, TurnCounter turns)
{
    private const int Tries = 3;

    /// <summary>Follows the account (关注).</summary>
    public Task<Seen> FollowAsync() => SendsAsync(WeChatFields.Event("subscribe"));

    /// <summary>Taps the custom menu's <c>click</c> button of <paramref name="key"/>.</summary>
    public Task<Seen> TapsAsync(string key) => SendsAsync(WeChatFields.Event("CLICK", key));

    public Task<Seen> SaysAsync(string text) => TriesAsync(() => wechat.Text(openId, text, WeChatServer.NextMsgId()));

    /// <summary>Sends a message of its own <paramref name="fields"/> (MsgType, then its content and MsgId), e.g. a photo.</summary>
    public Task<Seen> SendsAsync(string fields) => TriesAsync(() => wechat.Message(openId, fields));

    /// <summary>
    /// Writes while staff have taken the conversation over: the bot runs no turn and says nothing (WeChat gets
    /// <c>success</c>); the line is the staff's to read.
    /// </summary>
    public Task<Seen> SaysToStaffAsync(string text) => TriesAsync(() => wechat.Text(openId, text, WeChatServer.NextMsgId()), botTurns: 0);

    /// <summary>Sends <paramref name="fields"/> while staff have taken the conversation over, as <see cref="SaysToStaffAsync"/>.</summary>
    public Task<Seen> SendsToStaffAsync(string fields) => TriesAsync(() => wechat.Message(openId, fields), botTurns: 0);

    /// <summary>What reached the worker without their writing — staff's replies, reminders — once the outbox has sent what is due.</summary>
    public async Task<Seen> ReceivesAsync()
    {
        var before = api.SentTo(openId).Count;
        clock.Advance(TimeSpan.FromSeconds(1));
        await host.SendDueAsync();
        return new Seen([.. api.SentTo(openId).Skip(before).Select(m => m.Text ?? $"({m.MsgType})")]);
    }

    private async Task<Seen> TriesAsync(Func<string> message, int botTurns = 1)
    {
        // A second between messages, as a person types: events are told apart by their CreateTime.
        clock.Advance(TimeSpan.FromSeconds(1));
        var xml = message();
        var (turnsBefore, sentBefore, queuedBefore) = (turns.Of(openId), api.SentTo(openId).Count, await LastQueuedAsync());

        var answers = await Task.WhenAll(Enumerable.Range(0, Tries).Select(_ => Task.Run(() => wechat.PostAsync(xml))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        var answer = Assert.Single(answers.Select(a => (a.IsSuccess, a.Reply?.Content)).Distinct());
        var ran = turns.Of(openId) - turnsBefore;
        Assert.True(ran == botTurns, $"{Tries} tries of one message ran {ran} turns of the bot, not {botTurns}:\n{xml}");
        clock.Advance(TimeSpan.FromSeconds(1));
        await host.SendDueAsync();
        var sent = api.SentTo(openId).Skip(sentBefore).Select(m => m.Text ?? $"({m.MsgType})").ToList();
        var queued = await QueuedSinceAsync(queuedBefore);
        Assert.Equal(queued.Select(m => m.Text), sent);
        Assert.All(queued, m => Assert.Equal(OutboxState.Sent, m.State));
        return new Seen(answer.Content is { } passive ? [passive, .. sent] : sent);
    }

    private async Task<long> LastQueuedAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().Outbox.MaxAsync(m => (long?)m.Id) ?? 0;
    }

    /// <summary>Every outbox message queued since <paramref name="lastId"/>, for anyone: a duplicate for another worker would be wrong too.</summary>
    private async Task<List<OutboxMessage>> QueuedSinceAsync(long lastId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().Outbox.AsNoTracking().Where(m => m.Id > lastId).OrderBy(m => m.Id).ToListAsync();
    }
}
