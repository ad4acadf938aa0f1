using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Channels.DirectLine;

public sealed class WebChatTokenTests : IDisposable
{
    private readonly PingtangFactory _host = DirectLineKit.Host(settings: new() { ["DirectLine:TokenRequestsPerMinute"] = "3" });

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_page_gets_a_token_for_a_new_dl_user_and_never_the_secret()
    {
        using var phone = _host.CreateClient();

        using var response = await phone.PostAsync("/api/directline/token", content: null);
        var body = await response.Content.ReadAsStringAsync();
        var token = JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
        var (status, _) = await new DirectLineKit(phone).SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(DirectLineKit.Secret, body, StringComparison.Ordinal);
        Assert.StartsWith("dl_", DirectLineKit.UserOf(token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task The_same_phone_is_the_same_user_and_another_phone_is_another()
    {
        using var phone = _host.CreateClient();
        using var otherPhone = _host.CreateClient();

        var first = await UserAsync(phone);
        var again = await UserAsync(phone);
        var other = await UserAsync(otherPhone);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task A_forged_user_cookie_gets_a_new_user()
    {
        using var phone = _host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        request.Headers.Add("Cookie", "pt_dl_user=dl_victim.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        using var response = await phone.SendAsync(request);
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;

        Assert.NotEqual("dl_victim", DirectLineKit.UserOf(token));
    }

    [Fact]
    public async Task Too_many_token_requests_from_one_address_get_429()
    {
        using var phone = _host.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await phone.PostAsync("/api/directline/token", content: null);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private static async Task<string> UserAsync(HttpClient phone)
    {
        using var response = await phone.PostAsync("/api/directline/token", content: null);
        return DirectLineKit.UserOf(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!);
    }
}
