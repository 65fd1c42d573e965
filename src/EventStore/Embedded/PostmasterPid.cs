using System.Globalization;

namespace Energy.EventStore.Embedded;

/// <summary>
/// The server's lock file <c>postmaster.pid</c>: line 1 is the pid, line 4 the port. A live pid means a
/// server from an earlier run still serves this data directory; a dead one is left over from a kill.
/// </summary>
internal sealed record PostmasterPid(int ProcessId, int Port)
{
    public const string FileName = "postmaster.pid";

    public static PostmasterPid? Read(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        // A half-written file (server starting or dying) reads as "no usable port": treat as stale.
        var pid = lines.Length > 0 && int.TryParse(lines[0], CultureInfo.InvariantCulture, out var p) ? p : 0;
        var port = lines.Length > 3 && int.TryParse(lines[3], CultureInfo.InvariantCulture, out var n) ? n : 0;
        return new PostmasterPid(pid, port);
    }

    /// <summary>
    /// Whether the pid belongs to a running postgres process. Checking the process name guards against
    /// the pid having been reused by an unrelated process after a kill or reboot.
    /// </summary>
    public bool IsAlive
    {
        get
        {
            if (ProcessId <= 0 || Port <= 0)
            {
                return false;
            }

            var comm = $"/proc/{ProcessId}/comm";
            if (Directory.Exists("/proc/self"))
            {
                return File.Exists(comm) && File.ReadAllText(comm).Trim() == "postgres";
            }

            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(ProcessId);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }

    public static void DeleteStale(string dataDirectory) => File.Delete(Path.Combine(dataDirectory, FileName));
}
