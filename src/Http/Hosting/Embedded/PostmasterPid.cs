using System.Globalization;

namespace Energy.Http.Hosting.Embedded;

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

            if (Directory.Exists("/proc/self"))
            {
                return IsRunningPostgres($"/proc/{ProcessId}/stat");
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

    /// <summary>
    /// /proc/PID/stat is "pid (comm) state …". A stopped postmaster is re-parented to PID 1 and may
    /// linger as a zombie (state Z) until reaped; it still has a comm and answers kill(pid, 0).
    /// </summary>
    private static bool IsRunningPostgres(string statPath)
    {
        string stat;
        try
        {
            stat = File.ReadAllText(statPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }

        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        if (open < 0 || close < open || close + 2 >= stat.Length)
        {
            return false;
        }

        var state = stat[close + 2];
        return stat[(open + 1)..close] == "postgres" && state is not ('Z' or 'X' or 'x');
    }

    public static void DeleteStale(string dataDirectory) => File.Delete(Path.Combine(dataDirectory, FileName));
}
