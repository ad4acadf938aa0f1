using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pingtang.Bot.Complaints;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Tests.Complaints;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Tests.Uploads;
using Pingtang.Bot.Uploads;
using Xunit.Abstractions;

namespace Pingtang.Bot.Tests.Channels.DirectLine;

/// <summary>
/// Evidence for 劳动维权 sent from the web chat page with Web Chat's own paperclip, in a real browser on a phone-sized
/// screen: one tap on the button and one file chosen sends it (no Send to press), under the page's policy.
/// </summary>
public sealed class WebChatEvidenceTests(ITestOutputHelper output)
{
    private const string UploadButton = "发照片或文件";

    /// <summary>Web Chat's hidden file input behind the paperclip: where a phone's picker puts the chosen files.</summary>
    private const string FileInput = "input.webchat__upload-button--file-input";

    [Fact]
    public async Task A_worker_sends_photos_of_evidence_with_the_paperclip_and_the_bot_counts_them_and_keeps_them()
    {
        await using var host = LiveHost.Start();
        await using var phone = await Phone.OpenAsync(host.BaseUrl + "/", "webchat-evidence.png");
        try
        {
            await phone.SeesAsync(MenuTexts.Welcome);
            var button = phone.Page.GetByRole(AriaRole.Button, new() { Name = UploadButton, Exact = true });
            await Assertions.Expect(button).ToBeVisibleAsync();
            Assert.Equal(FileSignatures.Accept, await phone.Page.Locator(FileInput).GetAttributeAsync("accept"));

            await ComplaintSteps.UntilEvidenceAsync(phone);

            await phone.Page.Locator(FileInput).SetInputFilesAsync(new FilePayload { Name = "欠条.png", MimeType = "image/png", Buffer = SampleFiles.Png });
            await phone.SeesAsync(DialogTexts.Format(ComplaintTexts.EvidenceReceived, 1));

            // A phone camera's photo: with Web Chat's thumbnails on, this one would not go (see chat.js).
            var photo = await CameraSizedPngAsync(phone.Page);
            await phone.Page.Locator(FileInput).SetInputFilesAsync(new FilePayload { Name = "工资条.png", MimeType = "image/png", Buffer = photo });
            await phone.SeesAsync(DialogTexts.Format(ComplaintTexts.EvidenceReceived, 2));

            // Each photo is shown in the worker's bubble, as a picture, from the service's copy once it has echoed back.
            var shown = phone.Transcript.Locator("img[src*='/attachments/']");
            await Assertions.Expect(shown).ToHaveCountAsync(2, new() { Timeout = 20_000 });
            await Assertions.Expect(shown.Last).ToBeVisibleAsync();
            Assert.True(await shown.First.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 48"));
            await Assertions.Expect(Phone.Shown(phone.Transcript.GetByText("发送失败"))).ToHaveCountAsync(0);

            await using var db = await host.Factory.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
            var stored = await db.Set<UploadedFile>().ToListAsync();
            Assert.Equal(["工资条.png", "欠条.png"], stored.Select(f => f.OriginalName).Order(StringComparer.Ordinal));
            Assert.All(stored, f => Assert.Equal("image/png", f.ContentType));
            var files = host.Factory.Services.GetRequiredService<UploadedFiles>();
            Assert.Equal(SampleFiles.Png, await ReadAsync(files, stored.Single(f => f.OriginalName == "欠条.png")));
            Assert.Equal(photo, await ReadAsync(files, stored.Single(f => f.OriginalName == "工资条.png")));
        }
        finally
        {
            WriteConsole(phone);
        }

        Assert.DoesNotContain(phone.Console, line => line.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_is_not_a_photo_or_document_is_refused_and_the_worker_is_told_why()
    {
        await using var host = LiveHost.Start();
        await using var phone = await Phone.OpenAsync(host.BaseUrl + "/", "webchat-evidence-refused.png");
        try
        {
            await phone.SeesAsync(MenuTexts.Welcome);
            await ComplaintSteps.UntilEvidenceAsync(phone);

            // The file dialog offers only photos and documents; a text file renamed to .png gets past it.
            await phone.Page.Locator(FileInput).SetInputFilesAsync(new FilePayload { Name = "合同.png", MimeType = "image/png", Buffer = "这不是照片"u8.ToArray() });

            // Web Chat marks the message as failed; the service says why, in the bot's voice.
            await phone.SeesAsync("发送失败");
            await phone.SeesAsync(UploadTexts.TypeNotAllowed);
            await using var db = await host.Factory.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
            Assert.Equal(0, await db.Set<UploadedFile>().CountAsync());
            Assert.Empty(Directory.Exists(Path.Combine(host.Factory.DataFolder, "uploads"))
                ? Directory.GetFiles(Path.Combine(host.Factory.DataFolder, "uploads"), "*", SearchOption.AllDirectories)
                : []);

            // Still at the evidence step: a real photo goes next.
            await phone.Page.Locator(FileInput).SetInputFilesAsync(new FilePayload { Name = "欠条.png", MimeType = "image/png", Buffer = SampleFiles.Png });
            await phone.SeesAsync(DialogTexts.Format(ComplaintTexts.EvidenceReceived, 1));
        }
        finally
        {
            WriteConsole(phone);
        }

        Assert.DoesNotContain(phone.Console, line => line.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    /// <summary>A 1280×960 PNG of noise, made by the browser: as many bytes as a phone's photo, and no smaller when scaled.</summary>
    private static async Task<byte[]> CameraSizedPngAsync(IPage page) => Convert.FromBase64String(await page.EvaluateAsync<string>("""
        () => {
          const canvas = document.createElement('canvas');
          canvas.width = 1280;
          canvas.height = 960;
          const context = canvas.getContext('2d');
          const image = context.createImageData(canvas.width, canvas.height);
          for (let i = 0; i < image.data.length; i += 65536) {
            crypto.getRandomValues(image.data.subarray(i, i + 65536));
          }
          for (let i = 3; i < image.data.length; i += 4) {
            image.data[i] = 255;
          }
          context.putImageData(image, 0, 0);
          return canvas.toDataURL('image/png').split(',')[1];
        }
        """));

    private static async Task<byte[]> ReadAsync(UploadedFiles files, UploadedFile file)
    {
        await using var content = await files.OpenReadAsync(file.Id, default);
        using var copy = new MemoryStream();
        await content!.CopyToAsync(copy);
        return copy.ToArray();
    }

    private void WriteConsole(Phone phone)
    {
        foreach (var line in phone.Console)
        {
            output.WriteLine(line);
        }
    }
}
