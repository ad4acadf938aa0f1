using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Menu;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.ReturnTrips;

public static class ReturnTripsExtensions
{
    /// <summary>
    /// 返岗报名 and 我的返岗: their dialogs and prompts, the domain services they use, 「我的返岗」 typed at the menu,
    /// and the reminders (the recurring job is registered in <see cref="Scheduling.RecurringJobs"/>).
    /// </summary>
    public static WebApplicationBuilder AddReturnTrips(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<TripTimetable>();

        // The staff console registers it too (AddReturnTripStaff); the dialogs need it without the console.
        services.AddScoped<TripBookings>();
        services.AddScoped<TripReminders>();
        services.AddScoped<TripReminderJob>();
        services.AddScoped<IWorkerRows, TripWorkerRows>();
        services.AddSingleton<Dialog, ReturnTripDialog>();
        services.AddSingleton<Dialog, TripTravellerDialog>();
        services.AddSingleton<Dialog, MyTripsDialog>();
        foreach (var prompt in ReturnTripPrompts.All)
        {
            services.AddSingleton<Dialog>(prompt);
        }

        services.AddSingleton<IMenuShortcut, TypedMyTrips>();
        return builder;
    }
}

/// <summary>「我的返岗」 at the main menu (and in notices and reminders, which tell workers to send it) opens the worker's bookings.</summary>
public sealed class TypedMyTrips : IMenuShortcut
{
    private static readonly string[] Words = [ReturnTripTexts.MyTrips, "我的专车", "我的专列", "我的返岗报名"];

    public MenuShortcut? Match(string normalizedText) =>
        Words.Contains(normalizedText) ? new(MyTripsDialog.DialogId, null) : null;
}
