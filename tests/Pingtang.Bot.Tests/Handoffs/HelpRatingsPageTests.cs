using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Handoffs;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Handoffs;

/// <summary>The console's ratings (服务评价), made the way workers make them: a case resolved, the question answered.</summary>
public sealed class HelpRatingsPageTests : IDisposable
{
    private const string Password = "ratings-test-password";

    private const int Dalang = 3;

    private readonly FakeTimeProvider _clock = new(TestClock.Now);

    private readonly PingtangFactory _factory;

    public HelpRatingsPageTests() => _factory = new(clock: _clock);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Station_staff_see_their_station_s_counts_average_and_latest_words_escaped_and_nothing_of_another_station()
    {
        var first = await RateAsync("东莞大朗", "5 很及时");
        _clock.Advance(TimeSpan.FromHours(1));
        await RateAsync("东莞大朗", "4");
        _clock.Advance(TimeSpan.FromHours(1));
        var latest = await RateAsync("东莞大朗", "5 <script>alert(1)</script>");
        await RateAsync("东莞大朗", "我想找工作");
        await RateAsync("东莞大朗", null);
        await RateAsync("广州白云", "2 没人理");
        using var staff = await StaffClient.SignInAsAsync(_factory, "dalang", Password, StaffRole.Staff, Dalang);

        var page = await staff.GetStringAsync(HelpRatingEndpoints.Path);

        Assert.Contains("<strong class=\"asked\">5</strong>", page, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"answered\">3</strong>", page, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"average\">4.7</strong>", page, StringComparison.Ordinal);
        Assert.Contains("<td data-score=\"5\">2</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td data-score=\"4\">1</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td data-score=\"2\">0</td>", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf(latest, StringComparison.Ordinal) < page.IndexOf(first, StringComparison.Ordinal), "the newest words are first");
        Assert.Contains("很及时", page, StringComparison.Ordinal);
        Assert.Contains("2026-11-29 12:00", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("没人理", page, StringComparison.Ordinal);
        Assert.DoesNotContain("广州市白云区劳务协作站", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_sees_every_station_and_the_period_leaves_out_older_questions_and_the_view_is_audited()
    {
        await RateAsync("广州白云", "1 太慢了");
        _clock.Advance(TimeSpan.FromDays(40));
        await RateAsync("广州白云", "5 谢谢");
        using var admin = await StaffClient.SignInAsync(_factory, Password);

        var all = await admin.GetStringAsync(HelpRatingEndpoints.Path);
        var recent = await admin.GetStringAsync($"{HelpRatingEndpoints.Path}?days=30");

        Assert.Contains("平塘县就业服务中心", all, StringComparison.Ordinal);
        Assert.Contains("东莞市大朗镇劳务协作站", all, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"average\">3.0</strong>", all, StringComparison.Ordinal);
        Assert.Contains("太慢了", all, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"average\">5.0</strong>", recent, StringComparison.Ordinal);
        Assert.DoesNotContain("太慢了", recent, StringComparison.Ordinal);
        Assert.Contains("<option value=\"30\" selected>", recent, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        var views = await scope.ServiceProvider.GetRequiredService<PingtangDb>().AuditLog
            .Where(a => a.Account == StaffClient.Account && a.What == HelpRatingTexts.Viewed).CountAsync();
        Assert.Equal(2, views);
    }

    [Fact]
    public async Task The_ratings_page_needs_a_signed_in_staff_member()
    {
        using var anonymous = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var refused = await anonymous.GetAsync(HelpRatingEndpoints.Path);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    /// <summary>
    /// A worker's case at <paramref name="workPlace"/> resolved and the rating question answered with
    /// <paramref name="reply"/> (left open when null); returns the case's number.
    /// </summary>
    private async Task<string> RateAsync(string workPlace, string? reply)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var worker = await new WorkerRegistry(services.GetRequiredService<PingtangDb>(), _clock).RegisterAsync(default);
        var complaint = await services.GetRequiredService<ComplaintFiling>().FileAsync(
            worker.Id,
            new ComplaintDraft { Category = ComplaintCategory.WageArrears, EmployerName = "某制衣厂", WorkPlace = workPlace, Narrative = "老板拖了三个月工资。", ContactPhone = "13812345678" },
            default);
        var desk = services.GetRequiredService<HandoffDesk>();
        var (handoff, _) = await desk.RequestAsync(worker.Id, complaint.Id, default);
        var rating = await desk.ResolveAsync(handoff, new DeskStaff(1, "王芳", null), null, default);
        if (reply is not null)
        {
            await desk.AnswerRatingAsync(rating, reply, default);
        }

        return complaint.Number;
    }
}
