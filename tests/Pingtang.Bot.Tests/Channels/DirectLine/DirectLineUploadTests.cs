using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Tests.Uploads;
using Pingtang.Bot.Uploads;
using static Pingtang.Bot.Tests.Channels.DirectLine.DirectLineKit;

namespace Pingtang.Bot.Tests.Channels.DirectLine;

/// <summary><c>POST …/upload</c> through the real host: what is stored, what the bot sees, and what is refused.</summary>
public sealed class DirectLineUploadTests : IDisposable
{
    private static readonly UploadPart Photo = new("工资条.png", "image/png", SampleFiles.Png);

    private readonly FakeTimeProvider _clock = new(TestClock.Now);
    private readonly AttachmentEchoBot _bot = new();
    private readonly PingtangFactory _host;
    private readonly DirectLineKit _dl;

    public DirectLineUploadTests()
    {
        _host = Host(_clock, settings: new()
        {
            ["DirectLine:Uploads:MaxFiles"] = "3",
            ["DirectLine:Uploads:MaxFileBytes"] = "16384",
            ["DirectLine:Uploads:MaxRequestBytes"] = "40000",
        }, services: AttachmentEchoBot.Into(_bot));
        _dl = new DirectLineKit(_host.CreateClient());
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task An_uploaded_photo_is_stored_in_the_data_folder_and_reaches_the_bot_with_a_link_that_opens_it()
    {
        var started = await _dl.StartAsync();

        var (status, body) = await _dl.UploadAsync(started, Upload("这是我的工资条", Photo), [Photo]);

        Assert.Equal(HttpStatusCode.OK, status);
        var message = Assert.Single(_bot.Messages);
        Assert.Equal(body.GetProperty("id").GetString(), message.Id);
        Assert.Equal("这是我的工资条", message.Text);
        Assert.Equal(UserOf(started.Token), message.From.Id);
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal("image/png", attachment.ContentType);
        Assert.Equal("工资条.png", attachment.Name);
        Assert.StartsWith("http://localhost/attachments/", attachment.ContentUrl, StringComparison.Ordinal);
        Assert.Equal(attachment.ContentUrl, attachment.ThumbnailUrl);

        var stored = await _host.Services.GetRequiredService<UploadedFiles>().FindAsync(attachment.ContentUrl, default);
        Assert.NotNull(stored);
        Assert.Equal((started.ConversationId, "image/png", "工资条.png", SampleFiles.Png.Length), (stored.ConversationId, stored.ContentType, stored.OriginalName, (int)stored.Size));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(SampleFiles.Png)), stored.Sha256);
        Assert.Equal($"uploads/2026/11/{stored.Id}", stored.StoragePath);
        Assert.Equal(SampleFiles.Png, await File.ReadAllBytesAsync(Path.Combine(_host.DataFolder, "uploads", "2026", "11", stored.Id)));

        using var download = await _dl.Http.GetAsync(attachment.ContentUrl);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(SampleFiles.Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Null(download.Content.Headers.ContentDisposition);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(download.Headers.CacheControl?.Private);

        // The client's own echo carries the same attachment, which is how Web Chat shows the photo it sent: as a
        // picture, because it has a thumbnail.
        var (activities, _) = await _dl.GetAsync(started);
        var echo = activities.Single(a => a.GetProperty("id").GetString() == message.Id).GetProperty("attachments")[0];
        Assert.Equal(attachment.ContentUrl, echo.GetProperty("contentUrl").GetString());
        Assert.Equal(attachment.ContentUrl, echo.GetProperty("thumbnailUrl").GetString());
    }

    [Fact]
    public async Task Documents_are_stored_as_what_their_bytes_are_and_downloaded_rather_than_shown_with_no_thumbnail()
    {
        var started = await _dl.StartAsync();
        UploadPart[] files = [new("C:\\fakepath\\合同.pdf", "application/octet-stream", SampleFiles.Pdf), new("考勤.xlsx", "application/zip", SampleFiles.Xlsx()), new("欠条.doc", "", SampleFiles.OleCompound)];

        var (status, _) = await _dl.UploadAsync(started, Upload("", files), files);

        Assert.Equal(HttpStatusCode.OK, status);
        var attachments = Assert.Single(_bot.Messages).Attachments;
        Assert.Equal(["application/pdf", FileSignatures.Xlsx, FileSignatures.Doc], attachments.Select(a => a.ContentType));
        Assert.Equal(["合同.pdf", "考勤.xlsx", "欠条.doc"], attachments.Select(a => a.Name));
        Assert.All(attachments, a => Assert.Null(a.ThumbnailUrl));
        using var download = await _dl.Http.GetAsync(attachments[0].ContentUrl);
        Assert.Equal(SampleFiles.Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("合同.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
    }

    /// <summary>What was sent, the answer and its reason, and what the worker is told in the conversation (nothing for a client's malformed request).</summary>
    public static TheoryData<string, HttpStatusCode, string, string> Refusals() => new()
    {
        { "four files, three allowed", HttpStatusCode.BadRequest, "At most 3 files", "一次最多发3个文件，请分几次发。" },
        { "a file over 16 KB", HttpStatusCode.RequestEntityTooLarge, "at most 16 KB", "这个文件太大，收不了：一个文件最多16 KB。请换一个小一点的再发。" },
        { "three files over 40,000 bytes in all", HttpStatusCode.RequestEntityTooLarge, "in all", "这次发的文件加起来太大，最多39.06 KB。请分几次发。" },
        { "a web page called a photo", HttpStatusCode.UnsupportedMediaType, "Only photos", UploadTexts.TypeNotAllowed },
        { "a zip called a Word document", HttpStatusCode.UnsupportedMediaType, "Only photos", UploadTexts.TypeNotAllowed },
        { "an empty file", HttpStatusCode.BadRequest, "empty", UploadTexts.Empty },
        { "no file", HttpStatusCode.BadRequest, "no file", "" },
        { "no activity part", HttpStatusCode.BadRequest, "\"activity\"", "" },
        { "an activity that is not JSON", HttpStatusCode.BadRequest, "JSON", "" },
        { "a typing activity", HttpStatusCode.BadRequest, "\"message\"", "" },
        { "an activity over 32 KB", HttpStatusCode.RequestEntityTooLarge, "activity is larger", "" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_upload_says_why_tells_the_worker_when_it_was_the_files_and_stores_nothing(string upload, HttpStatusCode expected, string reason, string notice)
    {
        var started = await _dl.StartAsync();
        var almostFull = new UploadPart("b.png", "image/png", SampleFiles.Sized(15000, SampleFiles.Png));
        var (activity, files) = upload switch
        {
            "four files, three allowed" => (Upload("", Photo), Enumerable.Repeat(Photo, 4).ToArray()),
            "a file over 16 KB" => (Upload("", Photo), [Photo, new("a.png", "image/png", SampleFiles.Sized(16385, SampleFiles.Png))]),
            "three files over 40,000 bytes in all" => (Upload("", Photo), [almostFull, almostFull, almostFull]),
            "a web page called a photo" => (Upload("", Photo), [Photo, new UploadPart("photo.png", "image/png", SampleFiles.Html)]),
            "a zip called a Word document" => (Upload("", Photo), [new UploadPart("合同.docx", FileSignatures.Docx, SampleFiles.PlainZip())]),
            "an empty file" => (Upload("", Photo), [new UploadPart("a.png", "image/png", [])]),
            "no file" => (Upload("只有字"), []),
            "no activity part" => (null, [Photo]),
            "an activity that is not JSON" => ("{\"type\":\"message\",", [Photo]),
            "a typing activity" => ("{\"type\":\"typing\"}", [Photo]),
            _ => (Upload("x", Photo).Replace("\"text\"", $"\"padding\":\"{new string('x', 33 * 1024)}\",\"text\"", StringComparison.Ordinal), [Photo]),
        };

        var (status, body) = await _dl.UploadAsync(started, activity, files);

        Assert.Equal(expected, status);
        Assert.Contains(reason, body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(started);
        var (activities, _) = await _dl.GetAsync(started);
        Assert.Equal(notice is "" ? [] : [notice], activities.Where(a => Role(a) == "bot").Select(a => a.GetProperty("text").GetString()));
    }

    [Theory]
    [InlineData("application/json", "{\"type\":\"message\"}", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("multipart/form-data", "--x\r\n\r\n", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n\u0089PNG", HttpStatusCode.BadRequest)]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"activity\"\r\n\r\n{\"type\":\"message\"}\r\n--x", HttpStatusCode.BadRequest)]
    [InlineData("multipart/form-data; boundary=x", "no boundary anywhere", HttpStatusCode.BadRequest)]
    public async Task A_body_that_is_not_well_formed_multipart_gets_a_clear_answer_and_stores_nothing(string contentType, string body, HttpStatusCode expected)
    {
        var started = await _dl.StartAsync();
        var content = new ByteArrayContent(Encoding.Latin1.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var (status, json) = await _dl.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{started.ConversationId}/upload?userId=someone", started.Token, content);

        Assert.Equal(expected, status);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error").GetProperty("message").GetString()));
        await AssertNothingStoredAsync(started);
    }

    [Fact]
    public async Task Only_the_conversations_own_token_or_the_secret_may_upload_to_it()
    {
        var mine = await _dl.StartAsync();
        var other = await _dl.StartAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await _dl.UploadAsync(mine, Upload("", Photo), [Photo], bearer: "")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _dl.UploadAsync(mine, Upload("", Photo), [Photo], bearer: mine.Token + "x")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _dl.UploadAsync(mine, Upload("", Photo), [Photo], bearer: other.Token)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _dl.UploadAsync(mine, Upload("", Photo), [Photo], bearer: Secret, userId: UserOf(other.Token))).Status);
        await AssertNothingStoredAsync(mine);

        // A token speaks as its own user whatever userId says, as a posted activity does.
        Assert.Equal(HttpStatusCode.OK, (await _dl.UploadAsync(mine, Upload("", Photo), [Photo], userId: UserOf(other.Token))).Status);
        Assert.Equal(UserOf(mine.Token), Assert.Single(_bot.Messages).From.Id);
    }

    [Fact]
    public async Task A_link_opens_its_file_only_with_its_own_signature_and_until_it_expires()
    {
        var started = await _dl.StartAsync();
        await _dl.UploadAsync(started, Upload("", Photo), [Photo]);
        var link = Assert.Single(Assert.Single(_bot.Messages).Attachments).ContentUrl;
        var otherFile = "/attachments/AAAAAAAAAAAAAAAAAAAAAA" + new Uri(link).Query;

        foreach (var forged in new[] { link[..^2] + (link[^2..] == "AA" ? "AB" : "AA"), link.Split('&')[0], link.Split('?')[0], otherFile, link.Replace("expires=", "expires=1", StringComparison.Ordinal) })
        {
            await AssertRefusedAsync(forged, HttpStatusCode.Forbidden);
        }

        var signedForNothing = _host.Services.GetRequiredService<UploadLinks>().For(new Uri("http://localhost"), "AAAAAAAAAAAAAAAAAAAAAA");
        await AssertRefusedAsync(signedForNothing.AbsoluteUri, HttpStatusCode.NotFound);

        _clock.Advance(TimeSpan.FromHours(23.9));
        Assert.Equal(HttpStatusCode.OK, (await _dl.Http.GetAsync(link)).StatusCode);
        _clock.Advance(TimeSpan.FromHours(0.2));
        await AssertRefusedAsync(link, HttpStatusCode.Forbidden);

        // Staff find the evidence from the link a complaint kept, long after it expired.
        var files = _host.Services.GetRequiredService<UploadedFiles>();
        var stored = await files.FindAsync(new Uri(link).PathAndQuery, default);
        await using var content = await files.OpenReadAsync(stored!.Id, default);
        using var copy = new MemoryStream();
        await content!.CopyToAsync(copy);
        Assert.Equal(SampleFiles.Png, copy.ToArray());
        Assert.Null(await files.FindAsync("https://example.com/photo.png", default));
        Assert.Null(await files.OpenReadAsync("AAAAAAAAAAAAAAAAAAAAAA", default));
    }

    private async Task AssertRefusedAsync(string url, HttpStatusCode expected)
    {
        using var response = await _dl.Http.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    private async Task AssertNothingStoredAsync(Started conversation)
    {
        var uploads = Path.Combine(_host.DataFolder, "uploads");
        Assert.Empty(Directory.Exists(uploads) ? Directory.GetFiles(uploads, "*", SearchOption.AllDirectories) : []);
        await using (var db = await _host.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync())
        {
            Assert.Equal(0, await db.Set<UploadedFile>().CountAsync());
        }

        Assert.Empty(_bot.Messages);
        var (activities, _) = await _dl.GetAsync(conversation);
        Assert.DoesNotContain(activities, a => Role(a) == "user");
    }
}
