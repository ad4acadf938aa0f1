using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Channels.DirectLine;

public sealed class WebChatFilesTests : IDisposable
{
    private readonly PingtangFactory _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Web_Chat_bundle_reaches_phones_compressed_and_cacheable()
    {
        using var phone = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/lib/webchat.js");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await phone.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentEncoding, e => e is "br" or "gzip");
        var original = new FileInfo(Path.Combine(_host.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().WebRootPath, "lib", "webchat.js")).Length;
        Assert.True(compressed.Length * 2 < original, $"{compressed.Length} bytes of {original}");
        Assert.Contains("max-age", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_answers_are_never_compressed()
    {
        using var phone = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        using var response = await phone.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Page_is_served_at_the_root_titled_for_workers()
    {
        var page = await _host.CreateClient().GetStringAsync("/");
        Assert.Contains("<title>平塘就业助手</title>", page, StringComparison.Ordinal);
    }
}
