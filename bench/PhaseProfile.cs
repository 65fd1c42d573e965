using System.Diagnostics;

namespace Energy.Bench;

/// <summary>
/// Where a phase's time goes: CPU seconds of the service, of PostgreSQL (postmaster, its live backends and the
/// reaped ones) and of the bench's own load generator, read from /proc; and PostgreSQL's own per-statement
/// times (pg_stat_statements, preloaded in the bench's cluster).
/// </summary>
public sealed class PhaseProfile(BenchContext bench, int postmasterPid)
{
    private const double ClockTicks = 100.0; // USER_HZ on Linux

    public readonly record struct Cpu(double Service, double Postgres, double Bench)
    {
        public static Cpu operator -(Cpu a, Cpu b) => new(a.Service - b.Service, a.Postgres - b.Postgres, a.Bench - b.Bench);

        public string Per(double units, string unit) =>
            $"CPU per {unit}: service {Service * 1000 / units:0.00} ms, PostgreSQL {Postgres * 1000 / units:0.00} ms, bench client {Bench * 1000 / units:0.00} ms";
    }

    public static int PostmasterPid(string dataDirectory) =>
        int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First().Trim());

    public Cpu Sample()
    {
        var postgres = 0.0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            var stat = Stat(pid);
            if (stat is null)
            {
                continue;
            }

            if (pid == postmasterPid)
            {
                postgres += (stat[11] + stat[12] + stat[13] + stat[14]) / ClockTicks;
            }
            else if ((int)stat[1] == postmasterPid)
            {
                postgres += (stat[11] + stat[12]) / ClockTicks;
            }
        }

        var service = Stat(bench.Service.ProcessId) is { } s ? (s[11] + s[12]) / ClockTicks : 0;
        return new Cpu(service, postgres, Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);
    }

    public Task ResetStatementsAsync(CancellationToken ct) => bench.ExecuteAsync("SELECT pg_stat_statements_reset()", ct);

    /// <summary>The statements PostgreSQL spent most time executing since the last reset.</summary>
    public async Task<List<string>> TopStatementsAsync(int count, CancellationToken ct)
    {
        await using var cmd = bench.DataSource.CreateCommand($"""
            SELECT calls, total_exec_time, mean_exec_time, rows::float8 / greatest(calls, 1), regexp_replace(query, '\s+', ' ', 'g')
            FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%'
            ORDER BY total_exec_time DESC LIMIT {count}
            """);
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var query = reader.GetString(4);
            lines.Add($"    {reader.GetInt64(0),7} calls {reader.GetDouble(1),9:N0} ms total {reader.GetDouble(2),8:0.00} ms mean {reader.GetDouble(3),7:0} rows/call  {(query.Length <= 130 ? query : query[..70] + " … " + query[^60..])}");
        }

        return lines;
    }

    /// <summary>Fields of /proc/pid/stat from the state on (index 0 = field 3), as numbers; null if the process is gone.</summary>
    private static double[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var parts = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return parts.Take(15).Select(p => double.TryParse(p, out var v) ? v : 0).ToArray();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
