using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Energy.Http.Tests.Contract;

/// <summary>
/// Runs the npm registry's OpenAPI validator, <c>@redocly/cli lint</c>, through npx on a document file, with the
/// committed <c>redocly.yaml</c>. The version is pinned so a new rule cannot fail the build unannounced.
/// </summary>
public static class RedoclyLint
{
    public const string Package = "@redocly/cli@2.77.0";

    // The first run downloads the package (tens of MB); later runs use npm's cache.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(string documentPath)
    {
        var config = Path.Combine(AppContext.BaseDirectory, "Contract", "redocly.yaml");
        File.Exists(config).ShouldBeTrue($"the lint configuration {config} is missing from the test output");

        var start = new ProcessStartInfo("npx")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(documentPath)!,
        };
        foreach (var argument in new[] { "--yes", Package, "lint", documentPath, "--format=stylish", "--config", config })
        {
            start.ArgumentList.Add(argument);
        }

        // No usage reports to Redocly and no update banner in the output a failure shows.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_UPDATE_NOTIFIER"] = "1";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("npx did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "npx was not found: the OpenAPI lint needs Node.js with npm (Debian: apt-get install nodejs npm; .ci/run installs them)", e);
        }

        using (process)
        {
            var output = new StringBuilder();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"npx {Package} lint did not finish within {Timeout.TotalMinutes} minutes (is the npm registry reachable?)");
            }

            output.Append(await stdout).AppendLine().Append(await stderr);
            return new Result(process.ExitCode, output.ToString());
        }
    }
}
