using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Energy.Http.Cli;

/// <summary>Rebuild progress as plain lines, at most one a second, with events/s and ETA: for consoles that cannot redraw.</summary>
internal sealed class ProgressLines(IAnsiConsole console, string what) : IProgress<(long Floor, long Target)>
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan printedAt = -Every;
    private long firstFloor = -1;

    public void Report((long Floor, long Target) value)
    {
        if (firstFloor < 0)
        {
            firstFloor = value.Floor;
        }

        if (clock.Elapsed - printedAt < Every)
        {
            return;
        }

        printedAt = clock.Elapsed;
        var target = Math.Max(1, value.Target);
        var floor = Math.Min(value.Floor, target);
        var rate = (floor - firstFloor) / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        var eta = rate > 0 ? TimeSpan.FromSeconds((target - floor) / rate).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "-";
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {floor:N0}/{target:N0} {100.0 * floor / target:0}%  {rate:N0} events/s  ETA {eta}"));
    }
}
