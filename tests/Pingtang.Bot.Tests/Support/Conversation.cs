using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Tests.Support;

/// <summary>
/// A conversation with the real bot — the host's dialogs, state storage and pipeline — through Bot Builder's
/// <see cref="TestAdapter"/>, so tests read as utterance → reply.
/// </summary>
public static class Conversation
{
    /// <summary>A new conversation of <paramref name="userId"/>, who may have talked to the bot before.</summary>
    public static TestFlow Start(PingtangFactory factory, string userId = "worker-1")
    {
        ArgumentNullException.ThrowIfNull(factory);
        var reference = TestAdapter.CreateConversation($"test-{Guid.NewGuid():N}", userId, "bot");
        var adapter = new TestAdapter(reference).UsePingtangPipeline(factory.Services);
        return new TestFlow(adapter, factory.Services.GetRequiredService<IBot>().OnTurnAsync);
    }

    /// <summary>Expects the next reply to contain every one of <paramref name="parts"/>.</summary>
    public static TestFlow Expect(this TestFlow flow, params string[] parts) =>
        flow.AssertReply(
            activity =>
            {
                var text = ((IMessageActivity)activity).Text ?? string.Empty;
                foreach (var part in parts)
                {
                    Assert.True(text.Contains(part, StringComparison.Ordinal), $"Expected 「{part}」 in reply:\n{text}");
                }
            },
            description: string.Join(" / ", parts),
            timeout: 10_000);

    /// <summary>Runs <paramref name="action"/> between two steps, e.g. to move the clock.</summary>
    public static TestFlow Then(this TestFlow flow, Action action)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(action);
        return new TestFlow(RunAsync(), flow);

        async Task RunAsync()
        {
            await flow.StartTestAsync();
            action();
        }
    }
}
