using System.Net.Http.Json;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Pingtang.Bot.Complaints;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Complaints;

/// <summary>A filed complaint reaches a person: the case's station gets the worker in its queue, urgent cases first.</summary>
public sealed class ComplaintEscalationTests : IDisposable
{
    // Sunday 29 November 2026, 10:00 in China: the stations are closed until Monday 9:00.
    private readonly PingtangFactory _factory = new(clock: new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Owed_wages_filed_put_the_worker_in_the_queue_of_the_case_s_station_and_say_when_it_opens()
    {
        await KnownWorkerAsync();

        await Filing("东莞老板不发工资", "东莞大朗", "老板欠了三个月工资")
            .Send("是").Expect(
                "已提交！编号：WQ-2026-000001",
                "已转给：东莞市大朗镇劳务协作站。现在不是上班时间，工作人员11月30日 9:00上班后处理，最晚11月30日 15:00前在这里回复您。",
                "5个工作日内决定是否受理（12月4日前）")
            .Expect(MenuTexts.AnythingElse)
            .StartTestAsync();

        var (handoff, complaint) = await QueryAsync(async db => (await db.Handoffs.Include(h => h.Station).SingleAsync(), await db.Complaints.SingleAsync()));
        Assert.Equal(
            (HandoffState.Waiting, complaint.WorkerId, Station.DongguanDalang, (int?)complaint.Id, false),
            (handoff.State, handoff.WorkerId, handoff.Station!.Name, handoff.ComplaintId, handoff.Urgent));
    }

    [Fact]
    public async Task A_work_injury_filed_is_urgent_in_the_queue_and_promised_within_the_urgent_hour()
    {
        await KnownWorkerAsync();

        await Filing("在工地摔伤了", "广州白云区", "从架子上摔下来，腿骨折了", injuredOn: "11月20日")
            .Send("是").Expect("最晚11月30日 10:00前在这里回复您", ComplaintTexts.Urgent)
            .StartTestAsync();

        var handoff = await QueryAsync(db => db.Handoffs.Include(h => h.Station).SingleAsync());
        Assert.Equal((HandoffState.Waiting, Station.GuangzhouBaiyun, true), (handoff.State, handoff.Station!.Name, handoff.Urgent));
    }

    [Fact]
    public async Task A_worker_already_waiting_for_a_person_keeps_one_conversation_which_the_case_s_station_takes()
    {
        await KnownWorkerAsync();
        await Conversation.Start(_factory).Send("人工").Expect("已通知平塘县就业服务中心的工作人员").StartTestAsync();

        await Filing("在工地摔伤了", "广州白云区", "从架子上摔下来，腿骨折了", injuredOn: "11月20日")
            .Send("是").Expect("已转给：广州市白云区劳务协作站", ComplaintTexts.Urgent)
            .StartTestAsync();

        var handoff = await QueryAsync(db => db.Handoffs.Include(h => h.Station).SingleAsync());
        var complaintId = await QueryAsync(db => db.Complaints.Select(c => c.Id).SingleAsync());
        Assert.Equal((Station.GuangzhouBaiyun, (int?)complaintId, true), (handoff.Station!.Name, handoff.ComplaintId, handoff.Urgent));
    }

    [Fact]
    public async Task A_case_filed_through_a_Bot_Framework_host_is_offered_to_its_agent_hub_with_the_case_number()
    {
        await using var connector = await FakeConnector.StartAsync();
        var client = _factory.CreateClient();
        string[] said =
        [
            "东莞老板不发工资", "1", "王师傅", "宏达制衣有限公司", "跳过", "东莞大朗", "跳过", "2026年3月到10月", "1.2万", "3",
            "老板欠了三个月工资", "没有", "13812345678", "是",
        ];
        foreach (var (text, i) in said.Select((t, i) => (t, i)))
        {
            (await client.PostAsJsonAsync("/api/messages", connector.Message($"c{i}", "conv-c", text))).EnsureSuccessStatusCode();
        }

        var initiate = connector.Bodies.Select(JObject.Parse).Single(b => b.Value<string>("type") == "event");
        Assert.Equal("handoff.initiate", initiate.Value<string>("name"));
        Assert.Equal(("WQ-2026-000001", Station.DongguanDalang), (initiate["value"]!.Value<string>("caseNumber"), initiate["value"]!.Value<string>("station")));
        Assert.Contains(connector.Texts(), t => t.StartsWith("已提交！编号：WQ-2026-000001", StringComparison.Ordinal));
        Assert.Equal("conv-c", (await QueryAsync(db => db.Handoffs.SingleAsync())).ExternalConversationId);
    }

    /// <summary>A worker with a name and phone in their profile, up to the read-back of the complaint <paramref name="opening"/> starts.</summary>
    private TestFlow Filing(string opening, string place, string narrative, string? injuredOn = null)
    {
        var flow = Conversation.Start(_factory)
            .Send(opening).Expect(ComplaintTexts.Privacy).Expect(ComplaintTexts.AskFiler)
            .Send("1").Expect(ComplaintTexts.AskEmployer)
            .Send("宏达制衣有限公司").Expect(ComplaintTexts.AskCreditCode)
            .Send("跳过").Expect(ComplaintTexts.AskPlace)
            .Send(place).Expect(ComplaintTexts.AskSite)
            .Send("跳过").Expect(ComplaintTexts.AskPeriod)
            .Send("今年3月到10月");
        flow = injuredOn is null
            ? flow.Expect(ComplaintTexts.AskAmount).Send("1.2万").Expect(ComplaintTexts.AskWorkersOwed).Send("3")
            : flow.Expect(ComplaintTexts.AskInjuryDate).Send(injuredOn).Expect("第十七条");
        return flow.Expect(ComplaintTexts.AskNarrative)
            .Send(narrative).Expect(ComplaintTexts.AskEvidence)
            .Send("没有").Expect(ComplaintTexts.PhoneChoices[0])
            .Send("是").Expect(ComplaintTexts.ConfirmSummary);
    }

    private async Task KnownWorkerAsync()
    {
        await Conversation.Start(_factory).Send("你好").Expect(MenuTexts.Welcome).StartTestAsync();
        await WorkerProfiles.SetAsync(_factory, "worker-1", WorkerProfile.Empty with { Name = "李姐", Mobile = "13912345678" });
    }

    private async Task<T> QueryAsync<T>(Func<PingtangDb, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PingtangDb>());
    }
}
