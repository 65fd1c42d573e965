using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;

namespace Energy.Http.Hosting.Embedded;

public sealed partial class EmbeddedPostgres
{
    private const int StartAttempts = 3;

    private async Task PrepareDirectoriesAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(ParentDirectory);
        var newLog = !File.Exists(LogFile);
        if (newLog)
        {
            await File.WriteAllTextAsync(LogFile, "", ct);
        }

        var newData = !Directory.Exists(DataDirectory);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(DataDirectory);
            return;
        }

        if (newData)
        {
            // initdb accepts an existing empty folder only when it is private to the server's user.
            Directory.CreateDirectory(DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (PostgresTool.DropsRoot)
        {
            // pg_ctl runs as postgres and appends to the log itself; initdb needs to own the folder.
            GrantTraverseToAncestors();
            if (newData)
            {
                await PostgresTool.ChownAsync(DataDirectory, _options.ToolTimeout, ct);
            }

            if (newLog)
            {
                await PostgresTool.ChownAsync(LogFile, _options.ToolTimeout, ct);
            }
        }
    }

    /// <summary>The postgres user must be able to walk down to the data directory (e.g. out of /root).</summary>
    [UnsupportedOSPlatform("windows")]
    private void GrantTraverseToAncestors()
    {
        for (var dir = new DirectoryInfo(ParentDirectory); dir is not null; dir = dir.Parent)
        {
            var mode = dir.UnixFileMode;
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                dir.UnixFileMode = mode | UnixFileMode.OtherExecute;
                Log.GrantedTraverse(_logger, dir.FullName);
            }
        }
    }

    private async Task InitDbAsync(CancellationToken ct)
    {
        Log.InitialisingCluster(_logger, DataDirectory);
        var locale = Directory.Exists("/usr/lib/locale/C.utf8") ? "C.UTF-8" : "C";
        List<string> arguments =
            ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", $"--locale={locale}"];
        if (_options.ExtraServerSettings.TryGetValue("fsync", out var fsync) && fsync == "off")
        {
            // A cluster that will not fsync anyway need not wait for initdb's final sync either.
            arguments.Add("--no-sync");
        }

        await PostgresTool.RunAsync(_binaries!.InitDb, arguments, ParentDirectory, _options.ToolTimeout, ct);
    }

    private async Task<int> StartServerAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = _options.Port ?? FreeLoopbackPort();
            Log.StartingServer(_logger, DataDirectory, port);
            var clock = Stopwatch.StartNew();
            var logLength = new FileInfo(LogFile).Length;
            try
            {
                await PostgresTool.RunAsync(
                    _binaries!.PgCtl,
                    ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", ServerOptions(port)],
                    ParentDirectory,
                    _options.ToolTimeout,
                    ct);
                Log.ServerStarted(_logger, port, clock.ElapsedMilliseconds);
                return port;
            }
            catch (PostgresToolException e)
            {
                // pg_ctl only says "see the log"; the reason is in what the server wrote during this attempt.
                var serverLog = ReadLogSince(logLength);
                if (_options.Port is null && attempt < StartAttempts && serverLog.Contains("could not bind", StringComparison.Ordinal))
                {
                    Log.PortTaken(_logger, port);
                    continue;
                }

                throw new PostgresToolException($"{e.Message}\nServer log ({LogFile}):\n{serverLog}", e);
            }
        }
    }

    private string ServerOptions(int port)
    {
        // Sockets in the data directory keep clusters apart (no shared /var/run); the path must fit
        // in a socket address (~107 bytes), otherwise the server listens on TCP only.
        var socketDirectory = DataDirectory.Length < 90 ? DataDirectory : "";
        var settings = new Dictionary<string, string>
        {
            ["listen_addresses"] = "127.0.0.1",
            ["unix_socket_directories"] = socketDirectory,
            ["fsync"] = "on",
        };
        foreach (var (name, value) in _options.ExtraServerSettings)
        {
            settings[name] = value;
        }

        // pg_ctl hands -o to /bin/sh, so every value is shell-quoted.
        return $"-p {port} " + string.Join(' ', settings.Select(s => "-c " + ShellQuote($"{s.Key}={s.Value}")));
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private string ReadLogSince(long offset)
    {
        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Trim();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
