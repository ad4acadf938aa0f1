using Pingtang.Bot.Staff;
using Pingtang.Domain.ReturnTrips;

namespace Pingtang.Bot.ReturnTrips;

/// <summary>The staff side of 返岗专车: the console pages, the 车长's boarding page, and the domain services behind them.</summary>
public static class ReturnTripStaffExtensions
{
    /// <summary>
    /// The console's link, the domain services of the staff side and the boarding page's limiter; <see cref="TripBookings"/>,
    /// which both sides use, is registered with the dialogs (<see cref="ReturnTripsExtensions.AddReturnTrips"/>).
    /// </summary>
    public static WebApplicationBuilder AddReturnTripStaff(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(new StaffLink(TripStaffEndpoints.Path, TripStaffTexts.Title, TripStaffTexts.LinkDescription, Order: 35));
        services.AddScoped<TripChanges>();
        services.AddScoped<TripBoarding>();
        services.AddScoped<StationTrips>();
        services.AddScoped<ReturnTripImport>();
        services.AddBoardingRateLimit();
        return builder;
    }

    public static WebApplication MapReturnTripStaff(this WebApplication app)
    {
        app.MapTripStaff();
        app.MapTripBoarding();
        return app;
    }
}
