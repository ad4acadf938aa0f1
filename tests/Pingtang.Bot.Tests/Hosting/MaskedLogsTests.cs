using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Profile;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Hosting;

/// <summary>What the log holds of a worker's phone and ID numbers: never the numbers, whichever provider writes it.</summary>
public sealed class MaskedLogsTests : IDisposable
{
    private const string Mobile = "13800138000";
    private const string IdNumber = "522701199003071234";
    private const string OldIdNumber = "52272219850615432X";

    // The recorder is one of the host's providers, like the console: it is given what the console is given.
    private readonly LogRecorder _log = new();
    private readonly PingtangFactory _factory;

    public MaskedLogsTests() => _factory = new PingtangFactory(services: s => s.AddSingleton<ILoggerProvider>(_log));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_failed_turn_of_a_worker_who_gave_their_numbers_is_logged_without_them()
    {
        var conversation = TestAdapter.CreateConversation($"conv-{Mobile}", "worker-9", "bot");
        var adapter = new TestAdapter(conversation).UsePingtangPipeline(_factory.Services);
        var bot = _factory.Services.GetRequiredService<IBot>();
        await new TestFlow(adapter, (turnContext, cancellationToken) => turnContext.Activity.Text.StartsWith("失败", StringComparison.Ordinal)
                ? throw new InvalidOperationException($"could not save {turnContext.Activity.Text}", new ArgumentException($"bad id {OldIdNumber}"))
                : bot.OnTurnAsync(turnContext, cancellationToken))
            .Send("5").Expect(ProfileTexts.Intro).Expect(ProfileTexts.AskName)
            .Send("王师傅").Expect(ProfileTexts.AskMobile)
            .Send("138 0013 8000").AssertReply(_ => { })
            .Send($"失败 138-0013-8000 {IdNumber}").Expect(TurnErrorHandler.Apology)
            .StartTestAsync();

        var failure = Assert.Single(_log.AtLeast(LogLevel.Error));
        Assert.Contains("conv-138****8000", failure.Written, StringComparison.Ordinal);
        Assert.Contains("could not save 失败 138****8000 5227**********1234", failure.Exception!.ToString(), StringComparison.Ordinal);
        Assert.Contains("bad id 5227**********432X", failure.Exception.ToString(), StringComparison.Ordinal);
        Assert.Contains(nameof(InvalidOperationException), failure.Exception.ToString(), StringComparison.Ordinal);
        AssertNoNumbers();
    }

    [Fact]
    public void Any_logger_of_the_host_masks_the_message_its_values_and_the_exception_before_a_provider_sees_them()
    {
        var logger = _factory.Services.GetRequiredService<ILogger<MaskedLogsTests>>();

        logger.LogWarning(new InvalidOperationException($"owner {IdNumber}"), "Worker {Phone} and {Id} at {Amount} yuan", "138 0013 8000", 13912345678L, 35000);

        var entry = Assert.Single(_log.Entries, e => e.Category == typeof(MaskedLogsTests).FullName);
        Assert.Equal("Worker 138****8000 and 139****5678 at 35000 yuan", entry.Message);
        Assert.Equal(["138****8000", "139****5678", 35000, "Worker {Phone} and {Id} at {Amount} yuan"], entry.Values.Select(v => v.Value));
        Assert.Equal("owner 5227**********1234", entry.Exception!.Message);
        AssertNoNumbers();
        Assert.DoesNotContain(_log.Entries, e => e.Written.Contains("13912345678", StringComparison.Ordinal));
    }

    [Fact]
    public void A_line_with_no_number_reaches_the_providers_as_it_was_logged()
    {
        var logger = _factory.Services.GetRequiredService<ILogger<MaskedLogsTests>>();
        var failure = new InvalidOperationException("posting 1764000000000 gone");

        logger.LogWarning(failure, "Exported {Count} applicants of posting {PostingId} at {At}", 35000, 1764000000000, "2026-11-29 10:00");

        var entry = Assert.Single(_log.Entries, e => e.Category == typeof(MaskedLogsTests).FullName);
        Assert.Same(failure, entry.Exception);
        Assert.Equal("Exported 35000 applicants of posting 1764000000000 at 2026-11-29 10:00", entry.Message);
        Assert.Equal(1764000000000L, entry.Values[1].Value);
    }

    private void AssertNoNumbers()
    {
        Assert.NotEmpty(_log.Entries);
        foreach (var entry in _log.Entries)
        {
            var written = entry.Written;
            Assert.DoesNotContain(Mobile, written, StringComparison.Ordinal);
            Assert.DoesNotContain("0013 8000", written, StringComparison.Ordinal);
            Assert.DoesNotContain("0013-8000", written, StringComparison.Ordinal);
            Assert.DoesNotContain(IdNumber, written, StringComparison.Ordinal);
            Assert.DoesNotContain(OldIdNumber, written, StringComparison.Ordinal);
        }
    }
}
