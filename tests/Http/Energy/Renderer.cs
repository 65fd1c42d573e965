using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Energy.Http.Tests.Consumption;

/// <summary>
/// LibreOffice (headless, a profile of its own per run) prints a workbook to PDF; poppler's pdfinfo, pdftotext and
/// pdftoppm read the pages back. CI installs both (.ci/run), so a missing tool fails the test rather than skipping it.
/// </summary>
public static partial class Renderer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static async Task<string> PdfAsync(string xlsx)
    {
        var folder = Path.GetDirectoryName(xlsx)!;
        var profile = Path.Combine(Path.GetTempPath(), "energy-lo-profile-" + Guid.NewGuid().ToString("N"));
        try
        {
            await RunAsync("soffice", "-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", folder, xlsx);
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }

        var pdf = Path.ChangeExtension(xlsx, ".pdf");
        File.Exists(pdf).ShouldBeTrue($"soffice wrote no {pdf}");
        return pdf;
    }

    /// <summary>Width and height in points of each page (pdfinfo).</summary>
    public static async Task<IReadOnlyList<(double Width, double Height)>> PagesAsync(string pdf)
    {
        var info = await RunAsync("pdfinfo", "-f", "1", "-l", "999", pdf);
        return PageSize().Matches(info)
            .Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>The text of one page (1-based), laid out as printed.</summary>
    public static Task<string> TextAsync(string pdf, int page) =>
        RunAsync("pdftotext", "-layout", "-f", page.ToString(CultureInfo.InvariantCulture), "-l", page.ToString(CultureInfo.InvariantCulture), pdf, "-");

    /// <summary>One PNG per page at 80 dpi: <c>{prefix}-1.png</c> …</summary>
    public static async Task<IReadOnlyList<string>> PngsAsync(string pdf, string prefix)
    {
        await RunAsync("pdftoppm", "-png", "-r", "80", pdf, prefix);
        var folder = Path.GetDirectoryName(prefix)!;
        return Directory.GetFiles(folder, Path.GetFileName(prefix) + "-*.png").Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var path = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        path.ShouldNotBeNull($"{tool} is not installed: apt-get install libreoffice-calc poppler-utils (.ci/run does)");
        using var process = Process.Start(new ProcessStartInfo(path, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within {Timeout}");
        }

        process.ExitCode.ShouldBe(0, $"{tool} {string.Join(' ', arguments)}: {await error}");
        return await output;
    }

    [GeneratedRegex(@"Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)")]
    private static partial Regex PageSize();
}
