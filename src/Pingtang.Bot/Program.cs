using Pingtang.Bot.Broadcasts;
using Pingtang.Bot.Channels.BotFramework;
using Pingtang.Bot.Channels.DirectLine;
using Pingtang.Bot.Channels.WeChat;
using Pingtang.Bot.Complaints;
using Pingtang.Bot.Demo;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Handoffs;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Outbox;
using Pingtang.Bot.Profile;
using Pingtang.Bot.ReturnTrips;
using Pingtang.Bot.Scheduling;
using Pingtang.Bot.Staff;
using Pingtang.Bot.Training;
using Pingtang.Bot.Uploads;
using Pingtang.Bot.Workers;

if (await CommandLine.TryRunAsync(args, Commands))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPingtangData();
builder.AddKnownProxies();
builder.AddHealth();
builder.AddBotCore();
builder.AddDialogs();
builder.AddMenu();
builder.AddWorkers();
builder.AddProfile();
builder.AddJobs();
builder.AddTraining();
builder.AddReturnTrips();
builder.AddReturnTripStaff();
builder.AddHandoffs();
builder.AddComplaints();
builder.AddSessionReminders();
builder.AddOutbox();
builder.AddBroadcasts();
builder.AddBotFrameworkChannel();
builder.AddUploads();
builder.AddDirectLine();
builder.AddWeChat();
builder.AddStaffAccess();
builder.AddScheduling();
builder.AddMetrics();

var app = builder.Build().SettingsAreRight();
app.UseKnownProxies();
app.UseSecurityHeaders();
app.MapBotFrameworkChannel();
app.MapDirectLine();
app.MapWeChat();
app.MapUploads();
app.MapStaffAccess();
app.MapJobStaff();
app.MapTrainingStaff();
app.MapReturnTripStaff();
app.MapOutboxStaff();
app.MapBroadcasts();
app.MapHandoffs();
app.MapComplaints();
app.MapScheduling();
app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program
{
    /// <summary>The administrators' commands: each feature's own, and <c>seed-demo</c>, to which features add their demo data.</summary>
    internal static IReadOnlyList<Command> Commands { get; } =
        [.. StaffCommands.All, .. JobCommands.All, .. TrainingCommands.All, .. TripCommands.All, SeedDemoCommand.For(JobCommands.Demo, TrainingCommands.Demo, TripCommands.Demo, CannedReplyDemo.Demo)];
}
