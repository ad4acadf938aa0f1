using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Channels.WeChat;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Profile;
using Pingtang.Bot.Tests.Channels.WeChat;
using Pingtang.Bot.Tests.Jobs;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Tests.Training;
using Pingtang.Bot.Training;
using Pingtang.Bot.Workers;
using Pingtang.Domain;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Tests.Jobs;
using Pingtang.Domain.Training;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Workers;

/// <summary>
/// 王师傅 was met first on the web page: his profile has his phone, and he enrolled in a 焊工 course there. Then he
/// follows the WeChat account and applies for a job, which asks for the phone. His number is already in a profile, so
/// the code goes to the web page, where only he can read it; typed in WeChat it makes the two one worker — and
/// someone who only knows his number gets nothing of his.
/// </summary>
public sealed partial class WorkerLinkingTests : IAsyncLifetime
{
    private const string Web = "web-wang";
    private const string OpenId = "oWang-wechat";
    private const string Mobile = "13812345678";

    /// <summary>A 焊工 course from 2026-12-01: its reminder is due on 11-30 at 09:00, within WeChat's 48 hours.</summary>
    private static readonly TrainingSessionDetails SoonWelding = Sessions.Welding with
    {
        StartsOn = new DateOnly(2026, 12, 1),
        EndsOn = new DateOnly(2026, 12, 5),
        EnrolBy = new DateOnly(2026, 11, 30),
    };

    private readonly FakeTimeProvider _clock = new(TestClock.Now);
    private readonly RecordingChannel _web = new();
    private FakeWeChatApi _api = null!;
    private PingtangFactory _host = null!;
    private WeChatServer _wechat = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync(_clock);
        // A busy machine's slow turn would answer later, through the outbox: these tests read each turn's answer at once.
        _host = WeChatHost.For(
            _api,
            _clock,
            settings: new() { [WeChatConversations.PassiveReplyKey] = "60" },
            services: s => s.AddSingleton<IProactiveChannel>(_web));
        _wechat = new WeChatServer(_host.CreateClient(), _clock, safeMode: false);
        await Postings.AddAsync(_host, JobDrafts.Factory);
        await Sessions.PlanAsync(_host, "焊工", SoonWelding);
        await Conversation.Start(_host, Web).Send("你好").Expect(MenuTexts.Welcome).StartTestAsync();
        await WorkerProfiles.SetAsync(_host, Web, WorkerProfile.Empty with { Name = "王师傅", Mobile = Mobile, BirthYear = 1985, AcceptsReminders = true });
        await Conversation.Start(_host, Web)
            .Send("培训报名").Expect(TrainingTexts.AskCourse)
            .Send("焊工").Expect("12月1日开班")
            .Send("1").Expect(TrainingTexts.Confirm)
            .Send("是").Expect("报名成功！确认码：")
            .StartTestAsync();
        _clock.Advance(TimeSpan.FromHours(1));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task The_code_sent_to_the_web_page_and_typed_in_WeChat_gives_WeChat_his_profile_enrolment_and_reminders_and_the_application_goes_on()
    {
        await ApplyForTheJobAsync(OpenId);

        Assert.StartsWith(WorkersTexts.CodeSent, await SayAsync(OpenId, Mobile), StringComparison.Ordinal);

        var code = CodeSentToTheWebPage();
        Assert.Contains(DialogTexts.Format(WorkersTexts.WrongCode, 4), await SayAsync(OpenId, WrongCodeBut(code)), StringComparison.Ordinal);
        var linked = await SayAsync(OpenId, code);
        Assert.StartsWith(WorkersTexts.Linked, linked, StringComparison.Ordinal);
        Assert.Contains("报名成功！", linked, StringComparison.Ordinal);
        Assert.Contains("138****5678", linked, StringComparison.Ordinal);

        await SayAsync(OpenId, "菜单");
        var profile = await SayAsync(OpenId, "我的信息");
        Assert.Contains("称呼：王师傅", profile, StringComparison.Ordinal);
        Assert.Contains("出生年份：1985年", profile, StringComparison.Ordinal);
        await SayAsync(OpenId, "是");
        Assert.Contains("焊工 · 12月1日开班", await SayAsync(OpenId, "我的报名"), StringComparison.Ordinal);

        var wang = await WorkerProfiles.WorkerIdAsync(_host, Web);
        Assert.Equal(wang, await _host.Services.GetRequiredService<AddressBook>().WorkerOfAsync("wechat", OpenId, default));
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
            Assert.Equal(wang, (await db.JobApplications.SingleAsync()).WorkerId);
            Assert.Equal(WorkerLinkNotices.AuditWhat, (await db.AuditLog.SingleAsync(a => a.Account == WorkerLinkNotices.WorkerAccount)).What);
        }

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
        var before = _web.Texts.Count;
        await RemindAsync();
        Assert.Contains(_api.SentTo(OpenId), m => m.Text?.StartsWith("【培训提醒】", StringComparison.Ordinal) == true);
        Assert.Equal(before, _web.Texts.Count);
    }

    [Fact]
    public async Task Someone_who_types_his_number_but_not_the_code_gets_nothing_of_his()
    {
        await ApplyForTheJobAsync(OpenId);
        await SayAsync(OpenId, Mobile);

        Assert.Contains(MenuTexts.Choose, await SayAsync(OpenId, "菜单"), StringComparison.Ordinal);
        Assert.Contains(TrainingTexts.NoEnrolments, await SayAsync(OpenId, "我的报名"), StringComparison.Ordinal);
        Assert.Contains(ProfileTexts.Intro, await SayAsync(OpenId, "我的信息"), StringComparison.Ordinal);

        var stranger = await _host.Services.GetRequiredService<AddressBook>().WorkerOfAsync("wechat", OpenId, default);
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        Assert.Null((await db.Workers.SingleAsync(w => w.Id == stranger)).Mobile);
        var wang = await WorkerProfiles.WorkerIdAsync(_host, Web);
        Assert.Equal(Mobile, (await db.Workers.SingleAsync(w => w.Id == wang)).Mobile);
        Assert.Empty(await db.JobApplications.ToListAsync());
    }

    [Fact]
    public async Task Five_wrong_codes_keep_the_two_apart_and_end_at_the_menu()
    {
        await ApplyForTheJobAsync(OpenId);
        await SayAsync(OpenId, Mobile);
        var code = CodeSentToTheWebPage();

        for (var left = 4; left > 0; left--)
        {
            Assert.Contains(DialogTexts.Format(WorkersTexts.WrongCode, left), await SayAsync(OpenId, WrongCodeBut(code)), StringComparison.Ordinal);
        }

        var last = await SayAsync(OpenId, WrongCodeBut(code));
        Assert.StartsWith(WorkersTexts.TooManyTries, last, StringComparison.Ordinal);
        Assert.Contains(MenuTexts.AnythingElse, last, StringComparison.Ordinal);

        Assert.DoesNotContain(WorkersTexts.Linked, await SayAsync(OpenId, code), StringComparison.Ordinal);
        await SayAsync(OpenId, "菜单");
        Assert.Contains(TrainingTexts.NoEnrolments, await SayAsync(OpenId, "我的报名"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_me_keeps_the_two_apart_and_asks_again_for_a_number_of_ones_own()
    {
        await ApplyForTheJobAsync(OpenId);
        await SayAsync(OpenId, Mobile);

        var declined = await SayAsync(OpenId, "不是我");
        Assert.StartsWith(WorkersTexts.Declined, declined, StringComparison.Ordinal);
        Assert.Contains(JobTexts.AskMobile, declined, StringComparison.Ordinal);
        Assert.StartsWith(WorkersTexts.TakenNotYours, await SayAsync(OpenId, Mobile), StringComparison.Ordinal);
        Assert.Contains("139****1111", await SayAsync(OpenId, "13900001111"), StringComparison.Ordinal);

        Assert.Single(_web.Texts, t => t.Contains("验证码", StringComparison.Ordinal) || t.Contains("回复这个数字", StringComparison.Ordinal));
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        Assert.Equal(2, await db.Workers.CountAsync(w => w.MergedIntoId == null));
        var wang = await WorkerProfiles.WorkerIdAsync(_host, Web);
        Assert.Equal(Mobile, (await db.Workers.SingleAsync(w => w.Id == wang)).Mobile);
    }

    [Fact]
    public async Task A_number_typed_in_my_profile_is_linked_with_the_code_and_the_blanks_of_the_older_profile_are_filled()
    {
        await SayAsync(OpenId, "我的信息");
        foreach (var answer in new[] { "小王", Mobile, "1990", "2", "东莞", "1", "是" })
        {
            await SayAsync(OpenId, answer);
        }

        Assert.StartsWith(WorkersTexts.CodeSent, await SayAsync(OpenId, "是"), StringComparison.Ordinal);
        // Read out in a voice message, the digits come as words.
        var spoken = string.Concat(CodeSentToTheWebPage().Select(d => "零一二三四五六七八九"[d - '0']));
        var linked = await SayAsync(OpenId, spoken);
        Assert.Contains(ProfileTexts.Saved, linked, StringComparison.Ordinal);

        var profile = await SayAsync(OpenId, "我的信息");
        Assert.Contains("称呼：王师傅", profile, StringComparison.Ordinal);
        Assert.Contains("出生年份：1985年", profile, StringComparison.Ordinal);
        Assert.Contains("户籍乡镇：金盆街道", profile, StringComparison.Ordinal);
        Assert.Contains("现在所在城市：东莞", profile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_WeChat_accounts_linking_to_him_at_the_same_moment_both_become_him_and_keep_what_they_did()
    {
        const string other = "oWang-second-phone";
        await ApplyForTheJobAsync(OpenId);
        await ApplyForTheJobAsync(other);
        await SayAsync(OpenId, Mobile);
        var first = CodeSentToTheWebPage();
        await SayAsync(other, Mobile);
        var second = CodeSentToTheWebPage();

        var answers = await Task.WhenAll(_wechat.SendTextAsync(OpenId, first), _wechat.SendTextAsync(other, second));

        Assert.All(answers, a => Assert.StartsWith(WorkersTexts.Linked, a.Reply?.Content, StringComparison.Ordinal));
        var wang = await WorkerProfiles.WorkerIdAsync(_host, Web);
        var book = _host.Services.GetRequiredService<AddressBook>();
        Assert.Equal([wang, wang], [await book.WorkerOfAsync("wechat", OpenId, default), await book.WorkerOfAsync("wechat", other, default)]);
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        Assert.Equal(1, await db.Workers.CountAsync(w => w.MergedIntoId == null));
        Assert.Equal(wang, (await db.JobApplications.SingleAsync()).WorkerId);
        Assert.Equal(2, await db.AuditLog.CountAsync(a => a.Kind == AuditKind.Action));
    }

    [GeneratedRegex(@"回复这个数字：(\d{6})")]
    private static partial Regex CodeInMessage();

    private static string WrongCodeBut(string code) => code == "000000" ? "111111" : "000000";

    /// <summary>The turn's words: the passive reply, then what the outbox sends to WeChat after it.</summary>
    private async Task<string> SayAsync(string openId, string text)
    {
        _clock.Advance(TimeSpan.FromSeconds(5));
        var before = _api.SentTo(openId).Count;
        var answer = await _wechat.SendTextAsync(openId, text);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _host.SendDueAsync();
        return string.Join('\n', [answer.Reply?.Content ?? "", .. _api.SentTo(openId).Skip(before).Select(m => m.Text)]);
    }

    private async Task ApplyForTheJobAsync(string openId)
    {
        await SayAsync(openId, "东莞 普工");
        await SayAsync(openId, "1");
        Assert.Contains(JobTexts.AskMobile, await SayAsync(openId, "我要报名"), StringComparison.Ordinal);
    }

    /// <summary>The code in the newest message the web page got.</summary>
    private string CodeSentToTheWebPage() => CodeInMessage().Match(_web.Texts.Last()).Groups[1].Value is { Length: 6 } code
        ? code
        : throw new InvalidOperationException($"No code in 「{_web.Texts.LastOrDefault()}」");

    /// <summary>The day-before reminders, queued as the hourly job queues them, then sent.</summary>
    private async Task RemindAsync()
    {
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var reminders = scope.ServiceProvider.GetRequiredService<SessionReminders>();
            await reminders.QueueAsync(await reminders.DueAsync(0, 50, default), default);
        }

        await _host.SendDueAsync();
    }
}
