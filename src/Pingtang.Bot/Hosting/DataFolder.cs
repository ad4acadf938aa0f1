namespace Pingtang.Bot.Hosting;

/// <summary>The folder where the embedded default keeps its database and the secrets it generates at first start.</summary>
public sealed class DataFolder
{
    public DataFolder(string path) => Path = Directory.CreateDirectory(path).FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Reads a secret kept in the data folder, creating it with <paramref name="create"/> on first use.</summary>
    public string GetOrCreateSecret(string fileName, Func<string> create)
    {
        var file = File(fileName);
        if (System.IO.File.Exists(file))
        {
            return System.IO.File.ReadAllText(file).Trim();
        }

        var secret = create();
        // Only the service account may read a generated secret.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(file, options))
        {
            writer.Write(secret);
        }

        return secret;
    }
}
