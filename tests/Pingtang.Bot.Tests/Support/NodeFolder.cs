using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Pingtang.Bot.Tests.Support;

/// <summary>
/// The <c>node/</c> folder beside a test file: scripts that drive an independent implementation (the official Direct
/// Line client, wechat-crypto) with packages pinned by its package-lock.json. test.sh installs them; a test run on
/// its own installs them (npm ci) when they are missing, one install at a time.
/// </summary>
internal sealed class NodeFolder
{
    private static readonly SemaphoreSlim Install = new(1, 1);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _path;
    private readonly string _package;

    private NodeFolder(string path, string package)
    {
        _path = path;
        _package = package;
    }

    /// <summary>The <c>node/</c> folder beside the calling test file, whose scripts need <paramref name="package"/>.</summary>
    public static NodeFolder Beside(string package, [CallerFilePath] string testFile = "") =>
        new(Path.Combine(Path.GetDirectoryName(testFile)!, "node"), package);

    /// <summary>Runs <c>node</c> with the arguments, and <paramref name="input"/> on its standard input when given.</summary>
    public async Task<(int ExitCode, string Output, string Errors)> RunAsync(string arguments, string? input = null)
    {
        await EnsureInstalledAsync();
        return await StartAsync("node", arguments, input);
    }

    private async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(_path, "node_modules", _package)))
            {
                var (exitCode, output, errors) = await StartAsync("npm", "ci --no-audit --no-fund", input: null);
                Assert.True(exitCode == 0, $"npm ci failed: {errors}\n{output}");
            }
        }
        finally
        {
            Install.Release();
        }
    }

    private async Task<(int ExitCode, string Output, string Errors)> StartAsync(string command, string arguments, string? input)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = _path,
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = input is null ? null : Utf8,
            StandardOutputEncoding = Utf8,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, (await output).Trim(), await errors);
    }
}
