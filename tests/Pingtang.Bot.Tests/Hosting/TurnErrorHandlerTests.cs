using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Profile;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Hosting;

public sealed class TurnErrorHandlerTests : IDisposable
{
    private readonly PingtangFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_turn_that_fails_for_another_reason_than_its_state_apologises_and_keeps_the_workers_place()
    {
        await Flow(new InvalidOperationException("the database went away"))
            .Send("5").Expect(ProfileTexts.Intro).Expect(ProfileTexts.AskName)
            .Send("失败").Expect(TurnErrorHandler.Apology)
            .Send("王师傅").Expect(ProfileTexts.AskMobile)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_turn_whose_state_cannot_be_written_apologises_and_starts_the_next_message_afresh()
    {
        await Flow(new JsonSerializationException("Self referencing loop detected"))
            .Send("5").Expect(ProfileTexts.Intro).Expect(ProfileTexts.AskName)
            .Send("失败").Expect(TurnErrorHandler.Apology)
            .Send("王师傅").Expect(MenuTexts.Welcome)
            .StartTestAsync();
    }

    // The real bot, except that the message 失败 fails with the given exception.
    private TestFlow Flow(Exception failure)
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation($"failing-{Guid.NewGuid():N}", "worker-8", "bot")).UsePingtangPipeline(_factory.Services);
        var bot = _factory.Services.GetRequiredService<IBot>();
        return new TestFlow(adapter, (turnContext, cancellationToken) =>
            turnContext.Activity.Text == "失败" ? throw failure : bot.OnTurnAsync(turnContext, cancellationToken));
    }
}
