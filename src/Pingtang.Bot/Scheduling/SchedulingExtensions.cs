using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Staff;

namespace Pingtang.Bot.Scheduling;

/// <summary>
/// Scheduled jobs with Hangfire: its storage in a SQLite file of its own in the data folder (<c>hangfire.db</c>, so
/// that its polling never locks the county's database), or on PostgreSQL in the service's database, in a schema of
/// its own (<see cref="PostgresSchema"/>), where every instance's server shares it; a server in the web host, the jobs of
/// <see cref="RecurringJobs"/>, and the dashboard at <c>/hangfire</c> for administrators. <c>Scheduling:Enabled</c>
/// (default true) set to false leaves all of it out: test hosts, or a second instance that only serves chat.
/// </summary>
public static class SchedulingExtensions
{
    public const string DashboardPath = "/hangfire";
    public const string StorageFile = "hangfire.db";
    public const string PostgresSchema = "hangfire";

    /// <summary>
    /// Hangfire.Storage.SQLite looks for queued jobs every 15 s by default; a job enqueued by another job or from the
    /// dashboard should start at once, and a query a second on a small file costs nothing.
    /// </summary>
    internal static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    // Registered always and built only when used: settings are read when the services are built, because test
    // hosts add theirs after Program has run.
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<JobStorage>(sp => sp.GetRequiredService<Database>() is { IsPostgres: true } database
            ? new PostgreSqlStorage(
                new NpgsqlConnectionFactory(database.ConnectionString, new PostgreSqlStorageOptions()),
                new PostgreSqlStorageOptions { SchemaName = PostgresSchema, QueuePollInterval = PollInterval, PrepareSchemaIfNecessary = true })
            : new SQLiteStorage(
                sp.GetRequiredService<DataFolder>().File(StorageFile),
                new SQLiteStorageOptions { QueuePollInterval = PollInterval }));
        builder.Services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        builder.Services.AddHostedService<SchedulingServer>();
        return builder;
    }

    public static WebApplication MapScheduling(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
        {
            app.MapHangfireDashboardWithAuthorizationPolicy(
                StaffAccess.AdminPolicy,
                DashboardPath,
                new DashboardOptions { DashboardTitle = "平塘就业助手 · 定时任务", DisplayStorageConnectionString = false });
        }

        return app;
    }

    internal static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("Scheduling:Enabled", defaultValue: true);
}
