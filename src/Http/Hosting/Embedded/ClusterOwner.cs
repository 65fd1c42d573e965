using System.Diagnostics;
using System.Globalization;

namespace Energy.Http.Hosting.Embedded;

/// <summary>
/// Who may stop an embedded cluster: the <see cref="EmbeddedPostgres"/> instance that started it, named in a file beside
/// the data directory (<c>pg.owner</c>: pid, process start time, instance id). A second service or a CLI run that finds
/// the server running only uses it (issue 17: a second <c>dotnet run</c> failed to bind its port and, on its way out,
/// stopped the cluster under the first service). An owner that is gone (killed, crashed) hands the cluster to whoever
/// adopts it next; the start time guards against its pid having been reused.
/// </summary>
internal sealed record ClusterOwner(int ProcessId, long StartedAtTicks, Guid Instance)
{
    public static ClusterOwner Current(Guid instance)
    {
        using var self = Process.GetCurrentProcess();
        return new ClusterOwner(self.Id, self.StartTime.ToUniversalTime().Ticks, instance);
    }

    public static string PathFor(string dataDirectory) => dataDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".owner";

    public static ClusterOwner? Read(string dataDirectory)
    {
        try
        {
            var parts = File.ReadAllText(PathFor(dataDirectory)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length == 3
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var started)
                && Guid.TryParse(parts[2], out var instance)
                ? new ClusterOwner(pid, started, instance)
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Write(string dataDirectory) =>
        File.WriteAllText(PathFor(dataDirectory), string.Create(CultureInfo.InvariantCulture, $"{ProcessId} {StartedAtTicks} {Instance}\n"));

    public static void Delete(string dataDirectory) => File.Delete(PathFor(dataDirectory));

    /// <summary>Whether the process that wrote this file is still running (the same process, not a reused pid).</summary>
    public bool IsAlive
    {
        get
        {
            try
            {
                using var process = Process.GetProcessById(ProcessId);
                // .NET derives a start time from the boot time it measures at each call, so two processes see the
                // same start a few milliseconds apart: within a second is the same process, a reused pid is not.
                return !process.HasExited && Math.Abs(process.StartTime.ToUniversalTime().Ticks - StartedAtTicks) < TimeSpan.TicksPerSecond;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }
}
