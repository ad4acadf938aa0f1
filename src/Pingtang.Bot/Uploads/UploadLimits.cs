using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Uploads;

/// <summary>
/// What one upload may carry, from <c>DirectLine:Uploads</c>. The defaults fit a worker's evidence from a phone —
/// a few photos of a contract, a payslip or a 欠条 — and keep one request far below what a phone on a rural
/// connection could send in a minute anyway.
/// </summary>
public sealed class UploadLimits
{
    public const string Section = "DirectLine:Uploads";

    public int MaxFiles { get; set; } = 5;

    /// <summary>A phone photo is 2–6 MB; a scanned PDF of a few pages fits too.</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The whole request, files and activity and multipart framing together.</summary>
    public long MaxRequestBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>How long a file's link (the activity's <c>contentUrl</c>) opens it, as Azure's own attachment URLs expire.</summary>
    public int LinkHours { get; set; } = 24;

    /// <summary>The limits, each wrong setting noted on <paramref name="settings"/>.</summary>
    internal static UploadLimits From(SettingsReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var defaults = new UploadLimits();
        var limits = new UploadLimits
        {
            MaxFiles = settings.Number($"{Section}:MaxFiles", defaults.MaxFiles, 1),
            MaxFileBytes = settings.Number($"{Section}:MaxFileBytes", defaults.MaxFileBytes, 1L),
            LinkHours = settings.Number($"{Section}:LinkHours", defaults.LinkHours, 1),
        };
        limits.MaxRequestBytes = settings.Number($"{Section}:MaxRequestBytes", defaults.MaxRequestBytes, limits.MaxFileBytes);
        return limits;
    }
}
