namespace Pingtang.Benchmarks.Turns;

/// <summary>
/// What the server benchmarks do around their measuring: a temporary folder for the servers' data and logs, Ctrl+C
/// as a clean stop, the machine and its load average, and the exit code — 0 unless something broke.
/// </summary>
internal static class BenchmarkRun
{
    /// <summary>
    /// Runs <paramref name="measure"/> with a new temporary folder, deleted afterwards unless <paramref name="keep"/>
    /// or something broke: the servers' logs are what tells why.
    /// </summary>
    public static async Task<int> InTemporaryFolderAsync(string name, bool keep, Func<string, CancellationToken, Task> measure)
    {
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };
        var cancellationToken = interrupted.Token;
        var folder = Directory.CreateTempSubdirectory($"pingtang-{name}-").FullName;
        Console.WriteLine($"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Machine.Describe()}; load average {Machine.LoadAverage()}; logs in {folder}");
        try
        {
            await measure(folder, cancellationToken);
            Console.WriteLine($"Load average at the end (1, 5, 15 min): {Machine.LoadAverage()}.");
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted.");
            return 130;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
        {
            Console.Error.WriteLine(e);
            keep = true;
            return 1;
        }
        finally
        {
            if (keep)
            {
                Console.WriteLine($"Kept {folder}.");
            }
            else
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
