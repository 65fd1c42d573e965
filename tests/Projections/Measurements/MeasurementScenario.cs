using System.Globalization;
using Energy.Application.Energy;
using Energy.Application.Measurements;
using Energy.Domain.Readings;
using Energy.Application.EventStore;
using Energy.Projections.Measurements;
using Energy.Projections.Tests.Support;
using Energy.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Projections.Tests.Measurements;

/// <summary>Readings appended as the vendor webhook would, and parameters read back through <see cref="IMeasurementReader"/>.</summary>
public sealed class MeasurementScenario : IAsyncDisposable
{
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private int dataId;

    private MeasurementScenario(ProjectionHost host) => Host = host;

    public ProjectionHost Host { get; }

    public static async Task<MeasurementScenario> StartAsync(string? database = null) =>
        new(await ProjectionHost.StartAsync(database ?? await PostgresCluster.CreateDatabaseAsync("measure"), s =>
        {
            s.AddSingleton<IEventProcessor, MeasurementProjection>();
            s.AddSingleton<IMeasurementReader, MeasurementReader>();
        }));

    public static DateTimeOffset Plant(string wallClock) =>
        new(DateTime.ParseExact(wallClock, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Shanghai);

    public MeterReadingReceived Reading(string device, string at, params (string Parameter, decimal Value)[] parameters) =>
        new(device, Plant(at), "d" + Interlocked.Increment(ref dataId), new Dictionary<string, string>(),
            parameters.ToDictionary(p => p.Parameter, p => p.Value));

    /// <summary>One append (so, as a rule, one page of the daemon) per call.</summary>
    public Task PushAsync(params MeterReadingReceived[] readings) =>
        Host.Store.AppendAsync(new AppendRequest(readings.GroupBy(r => r.Device)
            .Select(g => new StreamAppend("readings-" + g.Key, ExpectedVersion.Any, g.Cast<object>().ToArray())).ToArray()));

    public IMeasurementReader Reader => Host.Services.GetRequiredService<IMeasurementReader>();

    public async Task<decimal?[]> LatestAsync(string device, string parameter, params string[] points)
    {
        await Host.CatchUpAsync(MeasurementProjection.ProjectionName);
        var read = await Reader.LatestAtAsync(Bound(device), [parameter], points.Select(Plant).ToArray());
        return read[parameter];
    }

    public async Task<decimal?[]> AveragesAsync(string device, string parameter, params (string From, string To)[] windows)
    {
        await Host.CatchUpAsync(MeasurementProjection.ProjectionName);
        var read = await Reader.AveragesAsync(Bound(device), [parameter], windows.Select(w => new TimeWindow(Plant(w.From), Plant(w.To))).ToArray());
        return read[parameter];
    }

    public async Task<IReadOnlyList<string>> ParametersAsync(params string[] devices)
    {
        await Host.CatchUpAsync(MeasurementProjection.ProjectionName);
        return await Reader.ReportedParametersAsync(devices);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    /// <summary>The device bound to the meter for all time (the reader clips to the span, as 3.3 does).</summary>
    private static SourceSpan[] Bound(string device) =>
        [new SourceSpan(device, Plant("2000-01-01 00:00:00"), Plant("2100-01-01 00:00:00"))];
}
