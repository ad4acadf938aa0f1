using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Dialogs;

/// <summary>
/// The number, date and attachment prompts through the real pipeline, in a small waterfall registered as the first
/// menu line's dialog in place of the job search — which also shows that a feature's dialog id is all the menu needs.
/// </summary>
public sealed class PromptTests : IDisposable
{
    // 2026-11-29 02:00 UTC is Sunday 10:00 in China.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero));
    private readonly PingtangFactory _factory;

    public PromptTests() =>
        _factory = new PingtangFactory(clock: _clock, services: s =>
        {
            s.Remove(s.Single(d => d.ServiceType == typeof(Dialog) && d.ImplementationType == typeof(JobSearchDialog)));
            s.AddSingleton<Dialog>(new AskEverything());
        });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Number_date_and_attachment_answers_arrive_typed_in_the_next_step()
    {
        await Conversation.Start(_factory)
            .Send("岗位查询").Expect("工资")
            .Send("大约六千").Expect("日期")
            .Send("下周一").Expect("照片")
            .Send(Photo()).Expect("6000|2026-11-30|1")
            .Expect(MenuTexts.AnythingElse)
            .StartTestAsync();
    }

    [Fact]
    public async Task Wrong_answers_get_the_reason_and_the_question_again()
    {
        await Conversation.Start(_factory)
            .Send("1").Expect("工资")
            .Send("很多").Expect(DialogTexts.NeedNumber, "工资")
            .Send("1.5万").Expect("日期")
            .Send("过几天").Expect(DialogTexts.NeedDate, "日期")
            .Send("2月15日").Expect("照片")
            .Send("没有照片").Expect(DialogTexts.NeedAttachment, "照片")
            .Send(Photo()).Expect("15000|2027-02-15|1")
            .StartTestAsync();
    }

    [Fact]
    public async Task Date_is_read_against_today_in_China_not_in_UTC()
    {
        // 16:30 UTC on Sunday is already Monday 00:30 in China: 明天 is Tuesday.
        _clock.Advance(TimeSpan.FromHours(14.5));
        await Conversation.Start(_factory)
            .Send("1").Expect("工资")
            .Send("6000").Expect("日期")
            .Send("明天").Expect("照片")
            .Send(Photo()).Expect("6000|2026-12-01|1")
            .StartTestAsync();
    }

    private static Activity Photo() => new(ActivityTypes.Message)
    {
        Attachments = [new Attachment("image/jpeg", "https://example.invalid/pay-slip.jpg", name: "工资条.jpg")],
    };

    private sealed class Answers
    {
        public decimal Pay { get; set; }

        public DateOnly Day { get; set; }
    }

    private sealed class AskEverything() : WaterfallDialog<Answers>(
        MainMenu.Items[0].DialogId,
        (step, ct) => step.PromptAsync(StandardPrompts.Number, new() { Text = "期望工资多少？" }, ct),
        (step, ct) =>
        {
            step.State.Pay = (decimal)step.Answer!;
            return step.PromptAsync(StandardPrompts.Date, new() { Text = "哪个日期？" }, ct);
        },
        (step, ct) =>
        {
            step.State.Day = (DateOnly)step.Answer!;
            return step.PromptAsync(StandardPrompts.Attachment, new() { Text = "请发一张照片。" }, ct);
        },
        async (step, ct) =>
        {
            var photos = (IReadOnlyList<Attachment>)step.Answer!;
            await step.Dialog.SendAsync($"{step.State.Pay:0}|{step.State.Day:yyyy-MM-dd}|{photos.Count}", ct);
            return await step.EndAsync(null, ct);
        });
}
