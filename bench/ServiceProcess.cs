using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Energy.Bench;

/// <summary>
/// The real service as a child process (<c>dotnet src/Http/bin/&lt;config&gt;/net10.0/Energy.Http.dll</c>) on a
/// loopback port, over the bench's database, so its peak RSS is the service's alone (VmHWM).
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    public const string VendorUsername = "bench-user";
    public const string VendorPassword = "bench-pass";
    public const string VendorSecretKey = "bench-secret";

    private readonly Process _process;
    private bool _disposed;

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>From starting the process to its first answer (schema set up, Kestrel listening).</summary>
    public TimeSpan StartedAfter { get; private set; }

    /// <summary>How long that first answer took: the first request the new process served.</summary>
    public TimeSpan FirstAnswerTook { get; private set; }

    public static async Task<ServiceProcess> StartAsync(string connectionString, CancellationToken ct)
    {
        var dll = LocateServiceDll();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__Energy"] = connectionString;
        start.Environment["Energy__Vendor__Username"] = VendorUsername;
        start.Environment["Energy__Vendor__Password"] = VendorPassword;
        start.Environment["Energy__Vendor__SecretKey"] = VendorSecretKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var started = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the service");
        var stderr = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var client = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the service exited with {process.ExitCode}: {stderr}");
            }

            var attempt = Stopwatch.StartNew();
            try
            {
                // Any answer (even 404/401) means Kestrel is up; schema setup happens before it listens.
                using var answer = await client.GetAsync(new Uri("api_3/ops/projections", UriKind.Relative), ct);
                service.FirstAnswerTook = attempt.Elapsed;
                service.StartedAfter = started.Elapsed;
                return service;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(200, ct);
        }

        await service.DisposeAsync();
        throw new TimeoutException("the service did not answer within 2 minutes");
    }

    /// <summary>Peak resident set size so far (VmHWM), in bytes.</summary>
    public long PeakRssBytes() => ProcStatus("VmHWM:");

    public long RssBytes() => ProcStatus("VmRSS:");

    private long ProcStatus(string key)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0]) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string LocateServiceDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Energy.EventSourced.sln")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Http", "bin", configuration, "net10.0", "Energy.Http.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException("build the service first", dll);
            }
        }

        throw new DirectoryNotFoundException("Energy.EventSourced.sln not found above " + AppContext.BaseDirectory);
    }
}
