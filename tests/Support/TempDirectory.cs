namespace Energy.Testing;

/// <summary>A fresh folder under the temp path (/tmp/energy-tests-&lt;guid&gt;), deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    private TempDirectory(string path) => Path = path;

    public string Path { get; }

    /// <summary>
    /// Creates the folder. When running as root the embedded cluster hands its data directory to the
    /// postgres user, which only needs to traverse this folder, not own it.
    /// </summary>
    public static TempDirectory Create(string prefix = "energy-tests")
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new TempDirectory(path);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
