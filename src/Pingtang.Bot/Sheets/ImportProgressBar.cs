using Pingtang.Bot.Hosting;
using Pingtang.Domain.Sheets;

namespace Pingtang.Bot.Sheets;

/// <summary>
/// An import's progress on the command line: a bar redrawn in place (<c>\r</c>) on a terminal, or a plain line per
/// tenth of the file when the output goes to a file or a pipe, where redrawing would only litter the log.
/// </summary>
internal sealed class ImportProgressBar(CommandConsole console) : IProgress<ImportProgress>
{
    private const int Width = 30;

    /// <summary>Without a known size, a plain line every this many rows.</summary>
    private const int RowsPerLine = 10_000;

    private int _lastStep = -1;

    private int _drawnLength;

    public void Report(ImportProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var counts = $"已读 {value.RowsRead:N0} 行（新增 {value.Added:N0}，更新 {value.Updated:N0}，跳过 {value.Skipped:N0}）";
        if (console.IsTerminal)
        {
            var line = value.Fraction is { } fraction ? $"{Bar(fraction)} {fraction * 100,3:0}%  {counts}" : counts;
            console.Out.Write($"\r{line.PadRight(_drawnLength)}");
            _drawnLength = line.Length;
            return;
        }

        var step = value.Fraction is { } f ? (int)(f * 10) : value.RowsRead / RowsPerLine;
        if (step > _lastStep)
        {
            _lastStep = step;
            console.Out.WriteLine(value.Fraction is { } done ? $"{done * 100,3:0}%  {counts}" : counts);
        }
    }

    /// <summary>Ends the redrawn line so the report starts on a line of its own.</summary>
    public void Done()
    {
        if (console.IsTerminal && _drawnLength > 0)
        {
            console.Out.WriteLine();
        }
    }

    private static string Bar(double fraction)
    {
        var filled = (int)Math.Round(fraction * Width);
        return $"[{new string('█', filled)}{new string('░', Width - filled)}]";
    }
}
