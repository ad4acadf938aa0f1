using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Dialogs.Recognizers;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Jobs;

/// <summary>
/// 岗位查询: region → trade → lowest pay → results five at a time; a number opens a posting, and 我要报名 applies.
/// The worker may instead just say what they want, here or at the main menu, and see results at once, or share their
/// location and see the postings nearest to it (<see cref="SharedLocation"/>); and may ask to be told of new postings
/// that fit (有新岗位通知我).
/// </summary>
public sealed class JobSearchDialog : WaterfallDialog<JobSearchFlow>
{
    public const string DialogId = "jobs";
    public const string PayPromptId = "jobs.pay";
    public const string BrowsePromptId = "jobs.browse";

    /// <summary>Longer than any command or search: anything longer is not a reply to the results.</summary>
    public const int BrowseMaxLength = 100;

    /// <summary>The smallest number read as pay rather than as a line of the results (a day's wage starts here).</summary>
    private const int MinimumPayNumber = 50;

    /// <summary>Near enough to a shared location to go to by bus and back in a day: 大朗 to 松山湖 or 常平, not to 广州.</summary>
    private const int NearKilometres = 50;

    public JobSearchDialog()
        : base(DialogId, StartAsync, AskTradeAsync, AskPayAsync, ShowResultsAsync, HandleReplyAsync, HandleDetailAsync, BackToResultsAsync)
    {
    }

    private static async Task<DialogTurnResult> StartAsync(WaterfallStepContext<JobSearchFlow> step, CancellationToken cancellationToken)
    {
        step.State.Age = await WorkerAgeAsync(step.Dialog, cancellationToken);
        if (step.State.Query is not null || step.State.Near is not null)
        {
            return await step.GoToAsync(ShowResultsAsync, null, cancellationToken);
        }

        var regions = JobTexts.Regions.Select(r => r.Title).ToList();
        return await step.PromptAsync(StandardPrompts.Choice, new() { Text = JobTexts.AskRegion, Choices = regions }, cancellationToken);
    }

    private static Task<DialogTurnResult> AskTradeAsync(WaterfallStepContext<JobSearchFlow> step, CancellationToken cancellationToken)
    {
        step.State.Query = JobTexts.Regions[(int)step.Answer!].Query;
        return step.PromptAsync(StandardPrompts.Choice, new() { Text = JobTexts.AskTrade, Choices = JobTexts.TradeChoices }, cancellationToken);
    }

    private static Task<DialogTurnResult> AskPayAsync(WaterfallStepContext<JobSearchFlow> step, CancellationToken cancellationToken)
    {
        var trade = JobTexts.TradeChoices[(int)step.Answer!];
        step.State.Query = step.State.Query! with { TradeGroup = trade == JobTexts.Any ? null : trade };
        var choices = JobTexts.PayChoices.Select(p => p.Title).ToList();
        return step.PromptAsync(PayPromptId, new() { Text = JobTexts.AskPay, Choices = choices }, cancellationToken);
    }

    private static async Task<DialogTurnResult> ShowResultsAsync(WaterfallStepContext<JobSearchFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        if (step.Answer is MinimumPay pay)
        {
            flow.Query = flow.Query! with { MinMonthlyPay = pay.Monthly };
            flow.Page = 0;
        }

        var services = step.Dialog.Services;
        var search = services.GetRequiredService<JobSearch>();
        var age = flow.Age;
        var query = flow.Query ?? JobQuery.Anything;
        var results = await FindAsync(flow.Page);
        if (results.Items.Count == 0 && flow.Page > 0)
        {
            flow.Page = 0;
            results = await FindAsync(0);
        }

        var note = "";
        if (flow.Near is not null && results.Total > 0)
        {
            var far = results.Page == 0 && results.Items[0].Kilometres > NearKilometres;
            note = (far ? DialogTexts.Format(JobTexts.NothingWithin, NearKilometres) : "") + JobTexts.NearestFirst + "\n";
        }
        else if (flow.Near is null && results.Total == 0)
        {
            foreach (var wider in query.Wider())
            {
                results = await search.FindAsync(wider, age, 0, cancellationToken);
                if (results.Total > 0)
                {
                    note = DialogTexts.Format(JobTexts.NoExactMatch, JobTexts.Describe(wider)) + "\n";
                    flow.Query = wider;
                    break;
                }
            }
        }

        if (results.Total == 0)
        {
            await step.Dialog.SendAsync(flow.Near is null ? JobTexts.NothingAtAll : JobTexts.NothingNear, cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        flow.PageIds = results.Items.Select(j => j.Id).ToList();
        flow.HasNextPage = results.HasNext;
        return await step.PromptAsync(BrowsePromptId, JobTexts.Results(note, results, OffersSeasonalWork(age, flow.Query)), cancellationToken);

        Task<JobResults> FindAsync(int page) => flow.Near is { } near
            ? search.NearestAsync(near, age, page, cancellationToken)
            : search.FindAsync(query, age, page, cancellationToken);
    }

    private static async Task<DialogTurnResult> HandleReplyAsync(WaterfallStepContext<JobSearchFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        var text = (string)step.Answer!;
        switch (text)
        {
            case JobTexts.NextPage or "下页" or "更多":
                return await TurnPageAsync(step, +1, cancellationToken);
            case JobTexts.PreviousPage or "上页":
                return await TurnPageAsync(step, -1, cancellationToken);
            case JobTexts.SearchAgain or "重新找" or "换条件":
                flow.SearchFor(null);
                return await step.GoToAsync(StartAsync, null, cancellationToken);
            case JobTexts.Subscribe or "通知我" or "订阅":
                // The search ends here: the saving dialog takes its place, and the menu follows.
                return await step.Dialog.ReplaceAsync(JobSubscribeDialog.DialogId, new JobSubscribeFlow { Query = SavedQuery(flow) }, cancellationToken);
            case JobTexts.Seasonal:
                flow.SearchFor(new JobQuery { TradeGroup = TradeSynonyms.Seasonal });
                return await step.GoToAsync(ShowResultsAsync, null, cancellationToken);
        }

        if (IsClosing(text))
        {
            return await step.EndAsync(null, cancellationToken);
        }

        // 「2」 or 「第二个」 is a line of the page; a number as big as a wage is a search (6000 → 6000元以上).
        var isItemNumber = ChineseNumber.TryParseInteger(text.TrimStart('第'), out var number) && number < MinimumPayNumber;
        if (isItemNumber && number >= 1 && number <= flow.PageIds.Count)
        {
            return await ShowDetailAsync(step, number - 1, cancellationToken);
        }

        if (!isItemNumber && JobQueryReader.Read(text, requireClearIntent: false) is { } query)
        {
            flow.SearchFor(query);
            return await step.GoToAsync(ShowResultsAsync, null, cancellationToken);
        }

        await step.Dialog.SendAsync(isItemNumber ? DialogTexts.Format(JobTexts.NoSuchItem, flow.PageIds.Count) : JobTexts.NotUnderstood, cancellationToken);
        return await step.GoToAsync(ShowResultsAsync, null, cancellationToken);
    }

    private static async Task<DialogTurnResult> HandleDetailAsync(WaterfallStepContext<JobSearchFlow> step, CancellationToken cancellationToken)
    {
        switch (JobTexts.DetailChoices[(int)step.Answer!])
        {
            case JobTexts.Apply:
                return await step.Dialog.BeginAsync(JobApplyDialog.DialogId, new JobApplyFlow { PostingId = step.State.PostingId!.Value }, cancellationToken);
            case JobTexts.SearchAgain:
                step.State.SearchFor(null);
                return await step.GoToAsync(StartAsync, null, cancellationToken);
            default:
                return await step.GoToAsync(ShowResultsAsync, null, cancellationToken);
        }
    }

    /// <summary>After applying, the worker sees the list again to look further.</summary>
    private static Task<DialogTurnResult> BackToResultsAsync(WaterfallStepContext<JobSearchFlow> step, CancellationToken cancellationToken) =>
        step.GoToAsync(ShowResultsAsync, null, cancellationToken);

    private static async Task<DialogTurnResult> ShowDetailAsync(WaterfallStepContext<JobSearchFlow> step, int index, CancellationToken cancellationToken)
    {
        var posting = await step.Dialog.Services.GetRequiredService<JobSearch>().FindOpenAsync(step.State.PageIds[index], cancellationToken);
        if (posting is null)
        {
            await step.Dialog.SendAsync(JobTexts.PostingGone, cancellationToken);
            return await step.GoToAsync(ShowResultsAsync, null, cancellationToken);
        }

        step.State.PostingId = posting.Id;
        return await step.PromptAsync(StandardPrompts.Choice, new() { Text = JobTexts.Detail(posting, index + 1), Choices = JobTexts.DetailChoices }, cancellationToken);
    }

    private static async Task<DialogTurnResult> TurnPageAsync(WaterfallStepContext<JobSearchFlow> step, int direction, CancellationToken cancellationToken)
    {
        var flow = step.State;
        var page = flow.Page + direction;
        if (page < 0 || (direction > 0 && !flow.HasNextPage))
        {
            await step.Dialog.SendAsync(page < 0 ? JobTexts.FirstPage : JobTexts.LastPage, cancellationToken);
        }
        else
        {
            flow.Page = page;
        }

        return await step.GoToAsync(ShowResultsAsync, null, cancellationToken);
    }

    /// <summary>好的, 谢谢, 不用了: the worker has seen enough, which is not a search for those words.</summary>
    private static bool IsClosing(string text) => JobTexts.Closings.Contains(text);

    /// <summary>What 有新岗位通知我 saves: the search, or after a shared location the district nearest to it.</summary>
    private static JobQuery SavedQuery(JobSearchFlow flow)
    {
        if (flow.Near is not { } near)
        {
            return flow.Query ?? JobQuery.Anything;
        }

        var (city, district) = PlaceCentroids.NearestDistrict(near);
        return new JobQuery { City = city, District = district };
    }

    private static bool OffersSeasonalWork(int? age, JobQuery? query) =>
        age >= JobSearch.SeasonalWorkAge && query?.TradeGroup != TradeSynonyms.Seasonal;

    private static async Task<int?> WorkerAgeAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var worker = await dc.Services.GetRequiredService<WorkerRegistry>().FindAsync(dc.WorkerId, cancellationToken);
        return worker?.AgeIn(ChinaTime.Today(dc.Services.GetRequiredService<TimeProvider>()).Year);
    }
}
