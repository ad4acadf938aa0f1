using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Staff;
using Pingtang.Domain.Calendar;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Complaints;

public static class ComplaintsExtensions
{
    /// <summary>劳动维权 and 查进度: their dialogs and prompts, the domain services they use, and what workers type at the menu.</summary>
    public static WebApplicationBuilder AddComplaints(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ComplaintFiling>();
        services.AddScoped<ComplaintRouting>();
        services.AddScoped<ComplaintProgress>();
        services.AddScoped<ComplaintClockReader>();
        services.AddScoped<ComplaintQueue>();
        services.AddScoped<HolidayCalendar>();
        services.AddScoped<IWorkerRows, ComplaintWorkerRows>();
        services.AddSingleton(new StaffLink(ComplaintQueueEndpoints.Path, "案件队列", "本站未办结的维权案件：紧急的在前，答复和受理的时限", Order: 10));
        services.AddSingleton(new StaffLink(ComplaintSettingsEndpoints.Path, "维权设置", "分派表、各站服务时间、节假日和调休", AdminOnly: true, Order: 80));
        services.AddSingleton<Dialog, ComplaintDialog>();
        services.AddSingleton<Dialog, ComplaintFilerDialog>();
        services.AddSingleton<Dialog, ComplaintWorkDialog>();
        services.AddSingleton<Dialog, ComplaintFactsDialog>();
        services.AddSingleton<Dialog, ComplaintEvidenceDialog>();
        services.AddSingleton<Dialog, ComplaintContactDialog>();
        services.AddSingleton<Dialog, MyComplaintsDialog>();
        foreach (var prompt in ComplaintPrompts.All)
        {
            services.AddSingleton<Dialog>(prompt);
        }

        services.AddSingleton<IMenuShortcut, TypedComplaint>();
        return builder;
    }

    /// <summary>The console's case queue and case pages.</summary>
    public static WebApplication MapComplaints(this WebApplication app)
    {
        app.MapComplaintQueue();
        app.MapComplaintCases();
        app.MapComplaintSettings();
        return app;
    }
}

/// <summary>
/// At the main menu, 查进度 (进度, 我的投诉) lists the worker's cases, and a message about owed wages or an injury
/// starts 劳动维权 at the question after the category it names. Asked before the job search's shortcut: 东莞老板不发工资
/// names a city, but it is not a job search.
/// </summary>
public sealed class TypedComplaint : IMenuShortcut
{
    private static readonly string[] ProgressWords = [ComplaintTexts.MyComplaints, "进度", "查询进度", "我的投诉", "我的维权", "投诉进度", "维权进度", "我的案件"];

    public int Priority => 1;

    public MenuShortcut? Match(string normalizedText)
    {
        if (ProgressWords.Contains(normalizedText))
        {
            return new(MyComplaintsDialog.DialogId, null);
        }

        return ComplaintMention.Read(normalizedText) is { } mention
            ? new(ComplaintDialog.DialogId, new ComplaintFlow { Answers = new() { Category = mention.Category } })
            : null;
    }
}
