using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Profile;
using Pingtang.Domain;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>
/// Events WeChat pushes: following through a township's or a station's QR code (its scene) notes what the code says
/// of the worker where they have not said it; a follower scanning again is welcomed unless busy; reports that are
/// not the follower writing (a template's TEMPLATESENDJOBFINISH, the phone's LOCATION) get no turn and no answer.
/// </summary>
public sealed class WeChatEventsTests() : WeChatWorkerTest(safeMode: false)
{
    private const string OpenId = "oUser-events";

    [Fact]
    public async Task Following_through_a_townships_code_welcomes_and_notes_the_township_without_calling_the_profile_filled()
    {
        var welcome = await WeChat.PostAsync(Event("subscribe", "qrscene_township:掌布镇"));

        Assert.StartsWith(MenuTexts.Welcome, welcome.Reply?.Content, StringComparison.Ordinal);
        var worker = await WorkerAsync();
        Assert.Equal(("掌布镇", false), (worker.HomeTownship, worker.HasProfile));
    }

    [Fact]
    public async Task Following_through_a_stations_code_makes_the_worker_that_stations_when_they_ask_for_a_person()
    {
        await WeChat.PostAsync(Event("subscribe", "qrscene_station:3"));

        await WeChat.SendTextAsync(OpenId, "人工");

        Assert.Equal("东莞市大朗镇", (await WorkerAsync()).CurrentCity);
        await using var scope = Host.Services.CreateAsyncScope();
        var handoff = await scope.ServiceProvider.GetRequiredService<PingtangDb>().Handoffs.Include(h => h.Station).SingleAsync();
        Assert.Equal(Station.DongguanDalang, handoff.Station!.Name);
    }

    [Fact]
    public async Task A_code_scanned_later_never_overwrites_what_the_worker_said_and_does_not_interrupt_a_dialog()
    {
        await WeChat.PostAsync(Event("subscribe", "qrscene_township:通州镇"));
        Assert.Equal(ProfileTexts.Intro, (await WeChat.SendTextAsync(OpenId, "我的信息")).Reply?.Content);

        var scanned = await WeChat.PostAsync(Event("SCAN", "township:掌布镇"));
        var next = await WeChat.SendTextAsync(OpenId, "王师傅");

        Assert.True(scanned.IsSuccess);
        Assert.Equal(ProfileTexts.AskMobile, next.Reply?.Content);
        Assert.Equal("通州镇", (await WorkerAsync()).HomeTownship);
    }

    [Theory]
    [InlineData("qrscene_promo2026")]
    [InlineData("qrscene_township:北京")]
    [InlineData("qrscene_station:x")]
    [InlineData("")]
    public async Task A_code_whose_scene_is_not_ours_welcomes_and_notes_nothing(string eventKey)
    {
        var welcome = await WeChat.PostAsync(Event("subscribe", eventKey));

        Assert.StartsWith(MenuTexts.Welcome, welcome.Reply?.Content, StringComparison.Ordinal);
        var worker = await WorkerAsync();
        Assert.Equal(((string?)null, (string?)null), (worker.HomeTownship, worker.CurrentCity));
    }

    [Theory]
    [InlineData("TEMPLATESENDJOBFINISH")]
    [InlineData("LOCATION")]
    [InlineData("VIEW")]
    public async Task A_report_that_is_not_the_follower_writing_gets_no_turn_and_no_answer(string kind)
    {
        await WeChat.SendTextAsync(OpenId, "你好");
        Assert.Equal(ProfileTexts.Intro, (await WeChat.SendTextAsync(OpenId, "我的信息")).Reply?.Content);

        var report = await WeChat.PostAsync(Event(kind, "https://example.invalid/"));
        var next = await WeChat.SendTextAsync(OpenId, "王师傅");

        Assert.True(report.IsSuccess);
        Assert.Equal(ProfileTexts.AskMobile, next.Reply?.Content);
        Assert.Empty(Api.SentTo(OpenId));
    }

    private async Task<Worker> WorkerAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().Workers.AsNoTracking().SingleAsync();
    }

    private string Event(string kind, string eventKey) => Sent(OpenId, WeChatFields.Event(kind, eventKey));
}
