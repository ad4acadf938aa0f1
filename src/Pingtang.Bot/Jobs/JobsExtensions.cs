using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Staff;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Jobs;

public static class JobsExtensions
{
    /// <summary>岗位查询: the search dialog, its prompts, typed searches from the main menu, a shared location; saved searches and their alerts; the staff's import.</summary>
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(new StaffLink(JobStaffEndpoints.Path, JobStaffEndpoints.Title, "本站的岗位和报名，导出报名表；管理员导入岗位表", Order: 20));
        services.AddScoped<JobSearch>();
        services.AddScoped<JobApplications>();
        services.AddScoped<StationPostings>();
        services.AddScoped<SavedSearches>();
        services.AddScoped<JobAlerts>();
        services.AddScoped<JobAlertJob>();
        services.AddScoped<JobImport>();
        services.AddScoped<IWorkerRows, JobWorkerRows>();
        services.AddSingleton<Dialog, JobSearchDialog>();
        services.AddSingleton<Dialog, JobApplyDialog>();
        services.AddSingleton<Dialog, JobSubscribeDialog>();
        services.AddSingleton<Dialog>(new PayPrompt(JobSearchDialog.PayPromptId));
        services.AddSingleton<Dialog>(new TextPrompt(JobSearchDialog.BrowsePromptId, JobSearchDialog.BrowseMaxLength));
        services.AddSingleton<IMenuShortcut, TypedJobSearch>();
        services.AddSingleton<IMessageShortcut, SharedLocation>();
        return builder;
    }
}

/// <summary>东莞 电工 6000以上 typed at the main menu starts a search with those conditions.</summary>
public sealed class TypedJobSearch : IMenuShortcut
{
    public MenuShortcut? Match(string normalizedText) =>
        JobQueryReader.Read(normalizedText, requireClearIntent: true) is { } query
            ? new(JobSearchDialog.DialogId, new JobSearchFlow { Query = query })
            : null;
}
