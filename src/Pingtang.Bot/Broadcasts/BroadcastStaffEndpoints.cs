using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Staff;
using Pingtang.Domain;
using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Broadcasts;

/// <summary>
/// 群发通知 in the console, under <c>/console/broadcasts</c>: a station's staff draft campaigns for their station and
/// pause, resume or cancel them; an administrator approves (schedules) them, for every station. Each campaign's page
/// shows its audience's size before it goes and its delivery report after. Another station's campaign is refused like
/// one that does not exist.
/// </summary>
public static class BroadcastStaffEndpoints
{
    public const string Path = "/console/broadcasts";

    public const string Title = "群发通知";

    public static WebApplication MapBroadcasts(this WebApplication app)
    {
        var broadcasts = app.MapStaffArea(Path, StaffAccess.StaffPolicy);
        broadcasts.MapGet("/", ListAsync);
        broadcasts.MapGet("/new", async (ClaimsPrincipal user, PingtangDb db, TimeProvider time, CancellationToken ct) =>
            await FormPageAsync(StaffIdentity.Of(user), db, CampaignForm.Empty(time), null, ct));
        broadcasts.MapPost("/new", CreateAsync);
        broadcasts.MapGet("/{id:int}", CampaignAsync);
        broadcasts.MapPost("/{id:int}", EditAsync);
        // A station's member drafts; what goes to workers is an administrator's to approve.
        broadcasts.MapPost("/{id:int}/schedule", (int id, ClaimsPrincipal user, Campaigns campaigns, PingtangDb db, StaffAudit audit, TimeProvider time, CancellationToken ct) =>
            ActAsync(id, user, campaigns, audit, "排期群发通知", c => { c.Schedule(StaffIdentity.Of(user).Id, time.GetUtcNow()); return db.SaveChangesAsync(ct); }, ct))
            .RequireAuthorization(StaffAccess.AdminPolicy);
        broadcasts.MapPost("/{id:int}/pause", (int id, ClaimsPrincipal user, Campaigns campaigns, StaffAudit audit, CancellationToken ct) =>
            ActAsync(id, user, campaigns, audit, "暂停群发通知", c => campaigns.PauseAsync(c, ct), ct));
        broadcasts.MapPost("/{id:int}/resume", (int id, ClaimsPrincipal user, Campaigns campaigns, StaffAudit audit, CancellationToken ct) =>
            ActAsync(id, user, campaigns, audit, "继续群发通知", c => campaigns.ResumeAsync(c, ct), ct));
        broadcasts.MapPost("/{id:int}/cancel", (int id, ClaimsPrincipal user, Campaigns campaigns, StaffAudit audit, CancellationToken ct) =>
            ActAsync(id, user, campaigns, audit, "取消群发通知", c => campaigns.CancelAsync(c, ct), ct));
        return app.MapSeasonPlan();
    }

    public static string StateText(CampaignState state) => state switch
    {
        CampaignState.Draft => "草稿",
        CampaignState.Scheduled => "已排期",
        CampaignState.Sending => "正在排队发送",
        CampaignState.Done => "已全部排队",
        CampaignState.Paused => "已暂停",
        CampaignState.Cancelled => "已取消",
        _ => state.ToString(),
    };

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, Campaigns campaigns, StaffAudit audit, CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(user);
        var lines = await campaigns.ListAsync(staff.ListedStation(), cancellationToken);
        await audit.RecordAsync(user, AuditKind.View, "查看群发通知列表", null, staff.AuditedStation(), cancellationToken);
        return ConsolePage.Show<BroadcastListPage>(new { Campaigns = lines, AllStations = staff.IsAdmin });
    }

    private static async Task<IResult> CreateAsync(HttpContext http, Campaigns campaigns, PingtangDb db, StaffAudit audit, CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(http.User);
        var form = CampaignForm.Read(await http.Request.ReadFormAsync(cancellationToken));
        var (content, problem) = form.Content();
        var station = staff.IsAdmin ? form.StationId : staff.StationId ?? 0;
        problem ??= await db.Stations.AnyAsync(s => s.Id == station, cancellationToken) ? null : "请选择站点";
        if (problem is not null)
        {
            return await FormPageAsync(staff, db, form, problem, cancellationToken);
        }

        var campaign = await campaigns.DraftAsync(content!, station, staff.Id, cancellationToken);
        await audit.RecordAsync(http.User, AuditKind.Action, "起草群发通知", $"{campaign.Id}", station, cancellationToken);
        return Results.Redirect($"{Path}/{campaign.Id}");
    }

    private static async Task<IResult> CampaignAsync(int id, ClaimsPrincipal user, Campaigns campaigns, PingtangDb db, StaffAudit audit, CancellationToken cancellationToken)
    {
        if (await SeenAsync(id, user, campaigns, cancellationToken) is not { } campaign)
        {
            return ConsolePage.Forbidden();
        }

        var page = await CampaignPageAsync(user, campaign, campaigns, db, CampaignForm.Of(campaign), null, cancellationToken);
        await audit.RecordAsync(user, AuditKind.View, "查看群发通知", $"{id}", campaign.StationId, cancellationToken);
        return page;
    }

    private static async Task<IResult> EditAsync(int id, HttpContext http, Campaigns campaigns, PingtangDb db, StaffAudit audit, CancellationToken cancellationToken)
    {
        if (await SeenAsync(id, http.User, campaigns, cancellationToken) is not { } campaign)
        {
            return ConsolePage.Forbidden();
        }

        var form = CampaignForm.Read(await http.Request.ReadFormAsync(cancellationToken));
        var (content, problem) = form.Content();
        if (problem is null)
        {
            try
            {
                campaign.Edit(content!);
                audit.Add(http.User, AuditKind.Action, "修改群发通知", $"{id}", campaign.StationId);
                await db.SaveChangesAsync(cancellationToken);
                return Results.Redirect($"{Path}/{id}");
            }
            catch (DomainException e)
            {
                problem = e.Message;
                await db.Entry(campaign).ReloadAsync(cancellationToken);
            }
        }

        return await CampaignPageAsync(http.User, campaign, campaigns, db, form, problem, cancellationToken);
    }

    /// <summary>One of the buttons: done and audited, or refused with the campaign's state as the reason.</summary>
    private static async Task<IResult> ActAsync(int id, ClaimsPrincipal user, Campaigns campaigns, StaffAudit audit, string what, Func<Campaign, Task> act, CancellationToken cancellationToken)
    {
        if (await SeenAsync(id, user, campaigns, cancellationToken) is not { } campaign)
        {
            return ConsolePage.Forbidden();
        }

        try
        {
            await act(campaign);
        }
        catch (DomainException e)
        {
            return ConsolePage.Notice("无法操作", e.Message, StatusCodes.Status409Conflict, $"{Path}/{id}");
        }

        await audit.RecordAsync(user, AuditKind.Action, what, $"{id}", campaign.StationId, cancellationToken);
        return Results.Redirect($"{Path}/{id}");
    }

    /// <summary>The campaign, when there is one and it is the member's station's (or they are an admin); null otherwise.</summary>
    private static async Task<Campaign?> SeenAsync(int id, ClaimsPrincipal user, Campaigns campaigns, CancellationToken cancellationToken) =>
        await campaigns.FindAsync(id, cancellationToken) is { } campaign && StaffIdentity.Of(user).MaySee(campaign.StationId) ? campaign : null;

    private static async Task<IResult> FormPageAsync(StaffUser staff, PingtangDb db, CampaignForm form, string? problem, CancellationToken cancellationToken) =>
        ConsolePage.Show<CampaignFormPage>(
            new
            {
                Stations = staff.IsAdmin ? await db.Stations.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken) : [],
                Channels = await ChannelsAsync(db, cancellationToken),
                Form = form,
                Problem = problem,
            },
            problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    private static async Task<IResult> CampaignPageAsync(ClaimsPrincipal user, Campaign campaign, Campaigns campaigns, PingtangDb db, CampaignForm form, string? problem, CancellationToken cancellationToken) =>
        ConsolePage.Show<CampaignPage>(
            new
            {
                Campaign = campaign,
                Size = await campaigns.SizeAsync(campaign.Audience, cancellationToken),
                Report = await campaigns.ReportAsync(campaign.Id, cancellationToken),
                Channels = await ChannelsAsync(db, cancellationToken),
                Form = form,
                Problem = problem,
                MayApprove = StaffIdentity.Of(user).IsAdmin,
            },
            problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    /// <summary>The channels workers have reached us on, for the audience form.</summary>
    internal static async Task<IReadOnlyList<string>> ChannelsAsync(PingtangDb db, CancellationToken cancellationToken) =>
        await db.Set<WorkerChannel>().Select(c => c.ChannelId).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
}
