using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Channels.WeChat;
using Pingtang.Bot.Complaints;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Profile;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Tests.Uploads;
using Pingtang.Domain;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>
/// Photos and voice messages sent in WeChat: fetched from WeChat's media API and kept as our own files, so a
/// complaint keeps them as evidence. A voice message's recognised text is the worker's message; without it
/// (documented as unreliable, often empty) the worker is told kindly where words are wanted, and the dialog they were
/// in stays where it was.
/// </summary>
public sealed class WeChatFilesTests() : WeChatWorkerTest(safeMode: true)
{
    private const string OpenId = "oUser-files";

    [Fact]
    public async Task A_photo_and_a_voice_message_sent_as_evidence_become_the_complaints_files_with_the_bytes_sent()
    {
        Api.AddMedia("media-photo", SampleFiles.Png, "image/jpeg", "media-photo.jpg");
        Api.AddMedia("media-voice", SampleFiles.Amr, "audio/amr", "media-voice.amr");
        await UntilEvidenceAsync();

        var photo = await WeChat.PostAsync(Photo("media-photo"));
        var voice = await WeChat.PostAsync(Voice("media-voice", recognition: null));
        Assert.Equal(DialogTexts.Format(ComplaintTexts.EvidenceReceived, 1), photo.Reply?.Content);
        Assert.Equal(DialogTexts.Format(ComplaintTexts.EvidenceReceived, 2), voice.Reply?.Content);
        Assert.Equal(ComplaintTexts.AskPhone, (await WeChat.SendTextAsync(OpenId, "完成")).Reply?.Content);
        await WeChat.SendTextAsync(OpenId, "13812345678");
        Assert.StartsWith("已提交！", (await WeChat.SendTextAsync(OpenId, "是")).Reply?.Content, StringComparison.Ordinal);

        await using var scope = Host.Services.CreateAsyncScope();
        var complaint = await scope.ServiceProvider.GetRequiredService<PingtangDb>().Complaints.Include(c => c.Evidence).SingleAsync();
        var evidence = complaint.Evidence.OrderBy(e => e.Id).ToList();
        Assert.Equal(
            [(WeChatTexts.PhotoFileName, "image/png"), ($"{WeChatTexts.VoiceFileName}.amr", "audio/amr")],
            evidence.Select(e => (e.Name, e.ContentType)));
        var client = Host.CreateClient();
        Assert.Equal(SampleFiles.Png, await client.GetByteArrayAsync(new Uri(evidence[0].ContentUrl).PathAndQuery));
        Assert.Equal(SampleFiles.Amr, await client.GetByteArrayAsync(new Uri(evidence[1].ContentUrl).PathAndQuery));
    }

    [Fact]
    public async Task A_photo_WeChat_will_not_give_or_that_is_no_photo_is_said_so_and_the_question_stays()
    {
        Api.AddMedia("media-page", SampleFiles.Html, "image/jpeg", "media-page.jpg");
        await UntilEvidenceAsync();

        var missing = await WeChat.PostAsync(Photo("media-gone"));
        var page = await WeChat.PostAsync(Photo("media-page"));
        var done = await WeChat.SendTextAsync(OpenId, "没有");

        Assert.Equal(WeChatTexts.PhotoNotReceived, missing.Reply?.Content);
        Assert.Equal(WeChatTexts.PhotoNotReceived, page.Reply?.Content);
        Assert.Equal(ComplaintTexts.AskPhone, done.Reply?.Content);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Host.DataFolder, "uploads"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_voice_message_without_words_where_words_are_wanted_asks_again_without_counting_as_a_wrong_answer()
    {
        Api.AddMedia("media-voice", SampleFiles.Amr, "audio/amr", "media-voice.amr");
        await WeChat.SendTextAsync(OpenId, "你好");
        Assert.Equal(ProfileTexts.Intro, (await WeChat.SendTextAsync(OpenId, "我的信息")).Reply?.Content);

        var answers = new List<string?>();
        for (var i = 0; i < Prompt<string>.MaxAttempts; i++)
        {
            answers.Add((await WeChat.PostAsync(Voice("media-voice", recognition: null))).Reply?.Content);
        }

        Assert.All(answers, a => Assert.Equal($"{DialogTexts.VoiceNotUnderstood}\n{ProfileTexts.AskName}", a));
        Assert.Equal(ProfileTexts.AskMobile, (await WeChat.SendTextAsync(OpenId, "王师傅")).Reply?.Content);
    }

    [Fact]
    public async Task A_voice_message_with_recognised_text_is_answered_as_that_text()
    {
        var answer = await WeChat.PostAsync(Voice("media-gone", "你好"));

        Assert.StartsWith(MenuTexts.Welcome, answer.Reply?.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_voice_message_with_neither_text_nor_a_file_WeChat_gives_is_answered_kindly_and_the_dialog_goes_on_after_it()
    {
        await WeChat.SendTextAsync(OpenId, "你好");
        Assert.Equal(ProfileTexts.Intro, (await WeChat.SendTextAsync(OpenId, "我的信息")).Reply?.Content);

        var voice = await WeChat.PostAsync(Voice("media-gone", recognition: null));
        var next = await WeChat.SendTextAsync(OpenId, "王师傅");

        Assert.Equal(WeChatTexts.VoiceNotUnderstood, voice.Reply?.Content);
        Assert.Equal(ProfileTexts.AskMobile, next.Reply?.Content);
    }

    [Fact]
    public async Task A_voice_message_without_words_at_the_menu_offers_the_menus_numbers()
    {
        Api.AddMedia("media-voice", SampleFiles.Amr, "audio/amr", "media-voice.amr");

        var answer = await WeChat.PostAsync(Voice("media-voice", recognition: null));

        Assert.StartsWith($"{DialogTexts.VoiceNotUnderstood}\n{MenuTexts.Choose}", answer.Reply?.Content, StringComparison.Ordinal);
        Assert.Contains($"1. {MainMenu.Titles[0]}", answer.Reply?.Content, StringComparison.Ordinal);
    }

    /// <summary>劳动维权 typed in WeChat (owed wages in 东莞大朗), answered the shortest way, up to the question that asks for evidence.</summary>
    private async Task UntilEvidenceAsync()
    {
        await WeChat.SendTextAsync(OpenId, "东莞老板不发工资");
        foreach (var answer in new[] { "1", "王师傅", "宏达制衣有限公司", "跳过", "东莞大朗", "宏达二厂", "2026年3月到10月", "1.2万", "3" })
        {
            await WeChat.SendTextAsync(OpenId, answer);
        }

        var asked = await WeChat.SendTextAsync(OpenId, "老板欠了三个月工资");
        Assert.Equal(ComplaintTexts.AskEvidence, asked.Reply?.Content);
    }

    private string Photo(string mediaId) => Sent(OpenId, WeChatFields.Photo(mediaId));

    private string Voice(string mediaId, string? recognition) => Sent(OpenId, WeChatFields.Voice(mediaId, recognition));
}
