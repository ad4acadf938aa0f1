
namespace Pingtang.Domain.Sheets;

/// <summary>
/// Reads a .csv once, in chunks, to refuse it before MiniExcel reads it when it goes past <see cref="SheetLimits"/>
/// (<see cref="DomainException"/>, for staff): MiniExcel reads a record whole, and a quote left open makes the rest
/// of the file one record. Records, cells and quotes are told apart by the rule <see cref="CsvLines"/> splits by.
/// Text that is not UTF-8 throws <see cref="System.Text.DecoderFallbackException"/>.
/// </summary>
internal static class CsvScan
{
    private const int ChunkCharacters = 65_536;

    public static void Check(Stream file, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(file, CsvLines.StrictUtf8, detectEncodingFromByteOrderMarks: true, ChunkCharacters, leaveOpen: true);
        var chunk = new char[ChunkCharacters];
        var rows = 0;
        var cells = 1;
        var line = 0;
        var cell = 0;
        var quoted = false;
        var previous = '\0';
        int read;
        while ((read = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var c in chunk.AsSpan(0, read))
            {
                if (line++ == 0 && ++rows > SheetLimits.Rows)
                {
                    throw new DomainException(SheetTexts.TooManyRows);
                }

                if (line > SheetLimits.CsvLineCharacters)
                {
                    throw new DomainException(SheetTexts.CsvLineTooLong);
                }

                var before = previous;
                previous = c;
                if (c == '"')
                {
                    // Of a pair "" inside quotes, the second stands for a quote in the cell; other quotes for nothing.
                    quoted = !quoted;
                    if (!quoted || before != '"')
                    {
                        continue;
                    }
                }
                else if (!quoted && c == ',')
                {
                    cell = 0;
                    if (++cells > SheetLimits.Columns)
                    {
                        throw new DomainException(SheetTexts.TooManyColumns);
                    }

                    continue;
                }
                else if (!quoted && c == '\n')
                {
                    (line, cell, cells) = (0, 0, 1);
                    continue;
                }

                if (++cell > SheetLimits.CellCharacters)
                {
                    throw new DomainException(SheetTexts.CellTooLong);
                }
            }
        }
    }
}
