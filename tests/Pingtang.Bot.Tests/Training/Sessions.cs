using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Tests.Training;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Tests.Training;

/// <summary>Training sessions put straight into a test host's database.</summary>
public static partial class Sessions
{
    /// <summary>The domain tests' 焊工 session, as the conversation tests show it: thirty seats, no age limit.</summary>
    public static readonly TrainingSessionDetails Welding = TrainingData.Welding with
    {
        Seats = 30,
        AgeMin = null,
        AgeMax = null,
        Fee = "免费（政府补贴）",
        Bring = "身份证、一寸照片2张",
    };

    /// <summary>The waiting-list position in the reply to a worker who enrolled too late for a seat.</summary>
    [GeneratedRegex("已为您排上候补，第(\\d+)位")]
    public static partial Regex WaitingPosition();

    public static async Task<int> PlanAsync(PingtangFactory factory, string course, TrainingSessionDetails details)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        return await TrainingData.PlanAsync(scope.ServiceProvider.GetRequiredService<PingtangDb>(), details, course);
    }
}
