namespace Energy.Http.Hosting.Embedded;

/// <summary>Where the server tools are: an explicit folder, else PATH, else the newest /usr/lib/postgresql/N/bin.</summary>
public sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    private const string DebianRoot = "/usr/lib/postgresql";

    private static string Exe(string name) => OperatingSystem.IsWindows() ? name + ".exe" : name;

    /// <summary>Finds initdb and pg_ctl or throws <see cref="PostgresBinariesNotFoundException"/>.</summary>
    public static PostgresBinaries Locate(string? binDirectory = null)
    {
        if (binDirectory is not null)
        {
            // An explicit folder is a promise: falling back silently would start another version.
            return InFolder(binDirectory) ?? throw new PostgresBinariesNotFoundException(
                $"initdb and pg_ctl were not found in '{binDirectory}'. {PostgresBinariesNotFoundException.Remedy}");
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(InFolder)
            .FirstOrDefault(found => found is not null);

        return onPath ?? NewestDebianInstall() ?? throw new PostgresBinariesNotFoundException(
            $"initdb and pg_ctl were found neither on PATH nor under {DebianRoot}/*/bin. " +
            PostgresBinariesNotFoundException.Remedy);
    }

    private static PostgresBinaries? InFolder(string folder)
    {
        var initDb = Path.Combine(folder, Exe("initdb"));
        var pgCtl = Path.Combine(folder, Exe("pg_ctl"));
        return File.Exists(initDb) && File.Exists(pgCtl) ? new PostgresBinaries(initDb, pgCtl) : null;
    }

    private static PostgresBinaries? NewestDebianInstall()
    {
        if (!Directory.Exists(DebianRoot))
        {
            return null;
        }

        return Directory.GetDirectories(DebianRoot)
            .Select(dir => (dir, version: decimal.TryParse(Path.GetFileName(dir), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1))
            .Where(x => x.version >= 0)
            .OrderByDescending(x => x.version)
            .Select(x => InFolder(Path.Combine(x.dir, "bin")))
            .FirstOrDefault(found => found is not null);
    }
}
