using System.Text;
using MiniExcelLibs.Csv;

namespace Pingtang.Domain.Sheets;

/// <summary>
/// How MiniExcel reads the CSV files staff make. Its defaults would misread them: it drops blank lines (shifting
/// every later line number away from the row Excel shows), splits cells at tabs inside text, throws for a row with
/// fewer cells than the header, and splits with a slow regular expression. So a CSV is read as strict UTF-8 by a
/// reader that keeps blank lines, and split here by RFC 4180: commas, quoted cells, "" for a quote.
/// </summary>
internal static class CsvLines
{
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A configuration for one file: the splitter learns the header's width from the first line.</summary>
    public static CsvConfiguration Configuration()
    {
        var splitter = new Splitter();
        return new CsvConfiguration
        {
            StreamReaderFunc = stream => new BlankKeepingReader(stream),
            SplitFn = splitter.Split,
            ReadLineBreaksWithinQuotes = true,
            NewLine = "\n",
        };
    }

    /// <summary>Hands a blank line over as a row of empty cells, except inside a quoted cell that spans lines.</summary>
    private sealed class BlankKeepingReader(Stream stream) : StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true)
    {
        private bool _insideQuotes;

        public override string? ReadLine()
        {
            var line = base.ReadLine();
            if (line is null)
            {
                return null;
            }

            if (!_insideQuotes && string.IsNullOrWhiteSpace(line))
            {
                return ",";
            }

            // MiniExcel joins the lines of a quoted cell by the same rule: an odd number of quotes opens or closes one.
            if (line.Count(c => c == '"') % 2 == 1)
            {
                _insideQuotes = !_insideQuotes;
            }

            return line;
        }
    }

    private sealed class Splitter
    {
        private int _width = -1;

        public string[] Split(string record)
        {
            var cells = new List<string>(Math.Max(_width, 1));
            var cell = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < record.Length; i++)
            {
                var c = record[i];
                if (quoted)
                {
                    if (c != '"')
                    {
                        cell.Append(c);
                    }
                    else if (i + 1 < record.Length && record[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    cells.Add(cell.ToString());
                    cell.Clear();
                }
                else
                {
                    cell.Append(c);
                }
            }

            cells.Add(cell.ToString());
            if (_width < 0)
            {
                _width = cells.Count;
            }

            while (cells.Count < _width)
            {
                cells.Add("");
            }

            return [.. cells];
        }
    }
}
