using Pingtang.Bot.Dialogs;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Profile;

public static class ProfileExtensions
{
    public static WebApplicationBuilder AddProfile(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<Dialog, ProfileDialog>();
        services.AddSingleton<Dialog>(new TextPrompt(ProfileFields.CityPrompt, Worker.CityMaxLength));
        services.AddSingleton<Dialog>(sp => new BirthYearPrompt(ProfileFields.BirthYearPrompt, sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
