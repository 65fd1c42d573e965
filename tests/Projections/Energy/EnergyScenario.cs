using System.Globalization;
using Dapper;
using Energy.Application.Energy;
using Energy.Domain.Readings;
using Energy.Application.EventStore;
using Energy.Projections.Energy;
using Energy.Projections.Tests.Support;
using Energy.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Energy.Projections.Tests.Energy;

/// <summary>Readings appended as the vendor webhook would, and consumption read back per device; wall clocks are in the plant's zone.</summary>
public sealed class EnergyScenario : IAsyncDisposable
{
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private int dataId;

    private EnergyScenario(ProjectionHost host, string database, TimeZoneInfo zone) => (Host, Database, Zone) = (host, database, zone);

    public ProjectionHost Host { get; }

    /// <summary>The connection string, for another host over the same database.</summary>
    public string Database { get; }

    public TimeZoneInfo Zone { get; }

    /// <param name="timeZone">The plant's zone (<c>Energy:TimeZone</c>).</param>
    /// <param name="database">An existing database (another host's); by default a new one.</param>
    /// <param name="logs">Receives what the host logs.</param>
    public static async Task<EnergyScenario> StartAsync(string timeZone = "Asia/Shanghai", string? database = null, LogRecorder? logs = null)
    {
        database ??= await PostgresCluster.CreateDatabaseAsync("energy");
        var host = await ProjectionHost.StartAsync(database, s =>
        {
            s.AddSingleton<IEventProcessor, EnergyProjection>();
            s.AddSingleton<IConsumptionReader, ConsumptionReader>();
            if (logs is not null)
            {
                s.AddSingleton<ILoggerProvider>(logs);
            }
        }, timeZone);
        return new EnergyScenario(host, database, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
    }

    /// <summary>A Shanghai wall-clock time (the default plant zone).</summary>
    public static DateTimeOffset Plant(string wallClock) =>
        new(DateTime.ParseExact(wallClock, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Shanghai);

    /// <summary>A wall-clock time in this scenario's plant zone.</summary>
    public DateTimeOffset At(string wallClock) => At(DateTime.ParseExact(wallClock, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    public DateTimeOffset At(DateTime wallClock) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);

    public MeterReadingReceived Reading(string device, string at, decimal ep) => Reading(device, At(at), ep);

    public MeterReadingReceived Reading(string device, DateTimeOffset at, decimal ep) =>
        new(device, at, "d" + Interlocked.Increment(ref dataId), new Dictionary<string, string>(), new Dictionary<string, decimal> { ["EP"] = ep });

    public Task PushAsync(params MeterReadingReceived[] readings) =>
        Host.Store.AppendAsync(new AppendRequest(readings.GroupBy(r => r.Device)
            .Select(g => new StreamAppend("readings-" + g.Key, ExpectedVersion.Any, g.Cast<object>().ToArray())).ToArray()));

    public Task AppendAsync(string stream, params object[] events) =>
        Host.Store.AppendAsync(AppendRequest.To(stream, ExpectedVersion.Any, events));

    public Task<decimal[]> ConsumptionAsync(string source, params (string From, string To)[] windows) =>
        ConsumptionAsOfAsync(null, source, windows);

    public Task<decimal[]> ConsumptionAsOfAsync(long? sequence, string source, params (string From, string To)[] windows) =>
        ConsumptionAsync(sequence, source, windows.Select(w => (At(w.From), At(w.To))).ToArray());

    public async Task<decimal[]> ConsumptionAsync(long? sequence, string source, params (DateTimeOffset From, DateTimeOffset To)[] windows)
    {
        await Host.CatchUpAsync("energy");
        var spans = new Dictionary<long, IReadOnlyList<SourceSpan>> { [1] = [new SourceSpan(source, DateTimeOffset.MinValue, DateTimeOffset.MaxValue)] };
        var read = await Reader.ReadAsync(spans, windows.Select(w => new TimeWindow(w.From, w.To)).ToArray(), sequence);
        return read[1];
    }

    /// <summary>The sum of a source's slots in [from, to), straight from the table.</summary>
    public async Task<decimal> SlotSumAsync(string source, DateTimeOffset from, DateTimeOffset to)
    {
        await using var conn = await Host.DataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<decimal>(
            "SELECT coalesce(sum(amount), 0) FROM energy_slots WHERE device = @source AND slot >= @from AND slot < @to",
            new { source, from = from.UtcDateTime, to = to.UtcDateTime });
    }

    /// <summary>A rollup table's rows of a source, by key.</summary>
    public async Task<(DateTimeOffset Key, decimal Amount)[]> RowsAsync(string table, string column, string source)
    {
        await using var conn = await Host.DataSource.OpenConnectionAsync();
        var rows = await conn.QueryAsync<(DateTime Key, decimal Amount)>($"SELECT {column}, amount FROM {table} WHERE device = @source ORDER BY 1", new { source });
        return rows.Select(r => (new DateTimeOffset(DateTime.SpecifyKind(r.Key, DateTimeKind.Utc)), r.Amount)).ToArray();
    }

    public async Task<string?> CalendarZoneAsync()
    {
        await using var conn = await Host.DataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<string?>("SELECT zone FROM energy_calendar");
    }

    public IConsumptionReader Reader => Host.Services.GetRequiredService<IConsumptionReader>();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
