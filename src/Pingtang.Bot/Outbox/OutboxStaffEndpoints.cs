using System.Globalization;
using System.Net;
using System.Text;
using Pingtang.Bot.Staff;
using Pingtang.Domain.Outbox;

namespace Pingtang.Bot.Outbox;

/// <summary>
/// 消息发送 for administrators, under <c>/staff/outbox</c>: how many messages of each kind are in each state, the ones
/// that did not go out with their reasons, and a button that sends a dead, failed or skipped one again.
/// </summary>
public static class OutboxStaffEndpoints
{
    public const string Path = "/console/outbox";

    public const string Title = "消息发送";

    /// <summary>The newest problems listed; the counts cover the rest.</summary>
    public const int ListedProblems = 200;

    public static WebApplication MapOutboxStaff(this WebApplication app)
    {
        var outbox = app.MapStaffArea(Path);
        outbox.MapGet("/", async (OutboxMessages messages, CancellationToken ct) =>
            Page(await messages.CountsAsync(ct), await messages.ProblemsAsync(ListedProblems, ct)));
        outbox.MapPost("/{id:long}/again", async (long id, OutboxMessages messages, OutboxSignal signal, ILoggerFactory loggers, CancellationToken ct) =>
        {
            if (!await messages.SendAgainAsync(id, ct))
            {
                return StaffPage.Html("无法重发", $"<p class=\"error\">这条消息已经发出、正在发送，或者不存在。</p><p><a href=\"{Path}\">← 返回{Title}</a></p>", StatusCodes.Status409Conflict);
            }

            loggers.CreateLogger(typeof(OutboxStaffEndpoints)).LogInformation("Staff sent outbox message {MessageId} again", id);
            signal.Pulse();
            return Results.Redirect(Path);
        });
        return app;
    }

    private static IResult Page(IReadOnlyList<OutboxCount> counts, IReadOnlyList<OutboxMessage> problems)
    {
        var states = Enum.GetValues<OutboxState>();
        var body = new StringBuilder($"<p><a href=\"{StaffAccess.HomePath}\">← 工作人员首页</a></p><h2>各类消息</h2>");
        body.Append("<table><tr><th>类别</th>");
        body.Append(string.Concat(states.Select(s => $"<th>{StateText(s)}</th>")));
        body.Append("</tr>");
        foreach (var kind in counts.GroupBy(c => c.Kind))
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(kind.Key)}</td>");
            body.Append(string.Concat(states.Select(s => $"<td>{kind.Where(c => c.State == s).Sum(c => c.Count)}</td>")));
            body.Append("</tr>");
        }

        body.Append("</table><p>失败的消息会自动重试（1、5、30 分钟，之后每 2 小时），");
        body.Append(CultureInfo.InvariantCulture, $"{OutboxMessage.MaxAttempts} 次仍失败即为「{StateText(OutboxState.Dead)}」。夜间（22:00–08:00）除回复外的消息留到早上发送。</p>");
        body.Append("<h2>没有发出的消息</h2>");
        if (problems.Count == 0)
        {
            body.Append("<p>没有。</p>");
            return StaffPage.Html(Title, body.ToString());
        }

        body.Append("<table><tr><th>编号</th><th>类别</th><th>务工人员编号</th><th>状态</th><th>尝试次数</th><th>原因</th><th>下次/最后时间</th><th></th></tr>");
        foreach (var m in problems)
        {
            var again = StaffPage.PostForm($"{Path}/{m.Id}/again", "<button type=\"submit\">重新发送</button>", inline: true);
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{m.Id}</td><td>{E(m.Kind)}</td><td>{m.WorkerId}</td><td>{StateText(m.State)}</td><td>{m.Attempts}</td><td>{E(m.LastError ?? "")}</td><td>{StaffPage.ChinaTimeText(m.NotBefore)}</td><td>{again}</td></tr>");
        }

        body.Append("</table>");
        return StaffPage.Html(Title, body.ToString());
    }

    private static string StateText(OutboxState state) => state switch
    {
        OutboxState.Queued => "待发",
        OutboxState.Sending => "发送中",
        OutboxState.Sent => "已发出",
        OutboxState.Failed => "失败待重试",
        OutboxState.Dead => "已放弃",
        _ => "未发（有原因）",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
