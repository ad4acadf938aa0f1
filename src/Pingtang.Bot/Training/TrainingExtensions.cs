using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Staff;
using Pingtang.Domain.Training;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Training;

public static class TrainingExtensions
{
    /// <summary>培训报名 and 我的报名: their dialogs, the domain services they and the staff pages use, and 「我的报名」 typed at the menu.</summary>
    public static WebApplicationBuilder AddTraining(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(new StaffLink(TrainingStaffEndpoints.Path, TrainingStaffEndpoints.Title, "本站培训班的新建、调整、停课，花名册、到课与结业，各课程统计；管理员导入培训班表", Order: 30));
        services.AddScoped<TrainingCalendar>();
        services.AddScoped<Enrolments>();
        services.AddScoped<TrainingSessionChanges>();
        services.AddScoped<TrainingSessionImport>();
        services.AddScoped<StationSessions>();
        services.AddScoped<IWorkerRows, TrainingWorkerRows>();
        services.AddSingleton<Dialog, TrainingDialog>();
        services.AddSingleton<Dialog, MyEnrolmentsDialog>();
        services.AddSingleton<IMenuShortcut, TypedMyEnrolments>();
        return builder;
    }
}

/// <summary>「我的报名」 at the main menu (and in reminders, which tell workers to send it) opens the worker's enrolments.</summary>
public sealed class TypedMyEnrolments : IMenuShortcut
{
    public MenuShortcut? Match(string normalizedText) =>
        normalizedText is TrainingTexts.MyEnrolments or "我的培训" ? new(MyEnrolmentsDialog.DialogId, null) : null;
}
