using System.Diagnostics;
using System.Runtime.Versioning;

namespace Energy.Http.Hosting.Embedded;

/// <summary>
/// Runs PostgreSQL's command-line tools and captures their output. The server refuses to run as
/// root, so when this process is root the tools run as the <c>postgres</c> OS user.
/// </summary>
internal static class PostgresTool
{
    internal const string ServiceUser = "postgres";

    /// <summary>True when the tools must be run as <see cref="ServiceUser"/> and files handed over to it.</summary>
    [UnsupportedOSPlatformGuard("windows")]
    public static bool DropsRoot => !OperatingSystem.IsWindows() && Environment.IsPrivilegedProcess;

    /// <summary>Runs a server tool (as postgres when root); throws <see cref="PostgresToolException"/> on failure.</summary>
    public static Task<string> RunAsync(
        string tool, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken ct)
    {
        if (!DropsRoot)
        {
            return ExecAsync(tool, arguments, workingDirectory, timeout, ct);
        }

        var (switcher, switchArguments) = UserSwitch();
        return ExecAsync(switcher, [.. switchArguments, tool, .. arguments], workingDirectory, timeout, ct, tool);
    }

    /// <summary>Runs a program as this process's user.</summary>
    public static async Task<string> ExecAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        CancellationToken ct,
        string? displayName = null)
    {
        displayName = Path.GetFileName(displayName ?? fileName);
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user may not be able to enter our current directory (e.g. /root).
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new PostgresToolException($"Could not start {displayName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            ct.ThrowIfCancellationRequested();
            throw new TimeoutException(
                $"{displayName} did not finish within {timeout.TotalSeconds:0}s and was killed.");
        }

        var (output, errors) = (await stdout, await stderr);
        if (process.ExitCode != 0)
        {
            throw new PostgresToolException(displayName, process.ExitCode, errors, output);
        }

        return output;
    }

    /// <summary>Hands a file or folder over to the postgres user (only meaningful when root).</summary>
    public static Task ChownAsync(string path, TimeSpan timeout, CancellationToken ct) =>
        ExecAsync("chown", [$"{ServiceUser}:{ServiceUser}", path], "/", timeout, ct);

    private static (string FileName, string[] Arguments) UserSwitch()
    {
        string[] runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"];
        string[] setpriv = ["/usr/bin/setpriv", "/bin/setpriv"];

        var found = runuser.FirstOrDefault(File.Exists);
        if (found is not null)
        {
            return (found, ["-u", ServiceUser, "--"]);
        }

        found = setpriv.FirstOrDefault(File.Exists);
        return found is not null
            ? (found, [$"--reuid={ServiceUser}", $"--regid={ServiceUser}", "--init-groups", "--"])
            : throw new PostgresToolException(
                "PostgreSQL refuses to run as root and neither runuser nor setpriv was found to switch to the " +
                $"'{ServiceUser}' user. Run as a normal user or set ConnectionStrings__Energy to an existing server.");
    }
}
