using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Pingtang.Bot.Tests.Support;

/// <summary>
/// Counts the real bot's turns per user, so a test sees that a message ran once however often its channel delivered
/// it: a second run could give the same answer (菜单 twice does) and go unseen in what the worker reads.
/// </summary>
public sealed class TurnCounter
{
    private readonly ConcurrentDictionary<string, int> _turns = new(StringComparer.Ordinal);

    /// <summary>Turns the bot ran for <paramref name="userId"/>, started or finished.</summary>
    public int Of(string userId) => _turns.GetValueOrDefault(userId);

    /// <summary>Puts the counter around the host's bot.</summary>
    public static Action<IServiceCollection> Around(TurnCounter counter) => services =>
    {
        var bot = services.Last(d => d.ServiceType == typeof(IBot));
        services.Remove(bot);
        services.AddSingleton<IBot>(provider => new Counted(counter, (IBot)ActivatorUtilities.CreateInstance(provider, bot.ImplementationType!)));
    };

    private sealed class Counted(TurnCounter counter, IBot bot) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(turnContext);
            counter._turns.AddOrUpdate(turnContext.Activity.From.Id, 1, (_, turns) => turns + 1);
            return bot.OnTurnAsync(turnContext, cancellationToken);
        }
    }
}
