using System.Diagnostics;
using Energy.Http.Hosting.Embedded;

namespace Energy.Testing;

/// <summary>
/// A detached shell that waits for this test process to end, then stops the cluster and deletes its
/// folder. The test host is killed by the runner shortly after the last test, often before a
/// ProcessExit handler has finished, and a leaked server would hold memory and a port on CI.
/// </summary>
internal static class ClusterGuard
{
    private const string Script = """
        exec </dev/null >/dev/null 2>&1
        while kill -0 "$1" 2>/dev/null; do sleep 0.2; done
        if [ -f "$3/postmaster.pid" ]; then
          if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$2" stop -D "$3" -m immediate -w
          else "$2" stop -D "$3" -m immediate -w; fi
        fi
        rm -rf "$4"
        """;

    public static void Start(string dataDirectory, string folder)
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/usr/bin/setsid"))
        {
            return;
        }

        // setsid: a runner that kills the test host's whole process group must not take the guard along.
        var start = new ProcessStartInfo("/usr/bin/setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        string[] arguments =
        [
            "/bin/sh", "-c", Script, "energy-cluster-guard",
            Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PostgresBinaries.Locate().PgCtl, dataDirectory, folder,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var guard = Process.Start(start);
    }
}
