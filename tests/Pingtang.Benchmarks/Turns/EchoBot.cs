using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pingtang.Benchmarks.Turns;

/// <summary>
/// The baseline: a Bot Framework echo bot as its samples build one, nothing tuned — <see cref="CloudAdapter"/> over
/// <see cref="ConfigurationBotFrameworkAuthentication"/> with no app id and no HTTP client factory,
/// <see cref="ConversationState"/> in <see cref="MemoryStorage"/>, an <see cref="ActivityHandler"/> that greets new
/// members, echoes each message and saves the state. The turns benchmark runs it in a process of its own
/// (<c>echo-bot --urls …</c>).
/// </summary>
internal static class EchoBot
{
    public const string Mode = "echo-bot";

    /// <summary>A web app as the templates make one, whose appsettings.json has no log line per request.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        return builder;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = CreateBuilder(args);
        builder.Services.AddSingleton<IStorage, MemoryStorage>();
        builder.Services.AddSingleton<ConversationState>();
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(new CloudAdapter(new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().Build())));
        builder.Services.AddTransient<IBot, EchoHandler>();
        await using var app = builder.Build();
        app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot) =>
            adapter.ProcessAsync(request, response, bot));
        await app.RunAsync();
        return 0;
    }

    private sealed class EchoHandler(ConversationState conversationState) : ActivityHandler
    {
        private readonly IStatePropertyAccessor<EchoCount> _count = conversationState.CreateProperty<EchoCount>(nameof(EchoCount));

        public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            await base.OnTurnAsync(turnContext, cancellationToken);
            await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
        }

        protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
        {
            var count = await _count.GetAsync(turnContext, () => new EchoCount(), cancellationToken);
            count.Messages++;
            await turnContext.SendActivityAsync(MessageFactory.Text($"Echo: {turnContext.Activity.Text}"), cancellationToken);
        }

        protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
        {
            foreach (var member in membersAdded.Where(m => m.Id != turnContext.Activity.Recipient.Id))
            {
                await turnContext.SendActivityAsync(MessageFactory.Text($"Hello and welcome, {member.Name}!"), cancellationToken);
            }
        }
    }

    private sealed class EchoCount
    {
        public int Messages { get; set; }
    }
}
