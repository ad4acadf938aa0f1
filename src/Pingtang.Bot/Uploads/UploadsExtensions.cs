using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Uploads;

/// <summary>Files workers send: their limits (<c>DirectLine:Uploads</c>), storage, signed links and the download route.</summary>
public static class UploadsExtensions
{
    private const string LinkKeyName = "upload-link-key";

    public static WebApplicationBuilder AddUploads(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IOptions<UploadLimits>>(sp => Options.Create(SettingsReader.Read(sp.GetRequiredService<IConfiguration>(), UploadLimits.From)));
        builder.Services.TryAddSingleton<GeneratedSecrets>();
        builder.Services.AddSingleton(sp => new UploadLinks(
            LinkKey(sp.GetRequiredService<GeneratedSecrets>()),
            sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromHours(sp.GetRequiredService<IOptions<UploadLimits>>().Value.LinkHours)));
        builder.Services.AddSingleton<UploadedFiles>();
        return builder;
    }

    public static WebApplication MapUploads(this WebApplication app)
    {
        app.MapAttachmentDownload();
        return app;
    }

    // A key of its own, kept like the other generated secrets: links stay valid across restarts and instances, and
    // replacing it ends every link given so far (the files stay, and staff still find them by link).
    private static byte[] LinkKey(GeneratedSecrets secrets) =>
        Encoding.ASCII.GetBytes(secrets.GetOrCreate(LinkKeyName, () => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));
}
