using System.Globalization;
using Energy.Application.Energy;
using Energy.Domain.Readings;
using Energy.EventStore;
using Energy.Projections.Energy;
using Energy.Projections.Tests.Support;
using Energy.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Projections.Tests.Energy;

/// <summary>Readings appended as the vendor webhook would, and consumption read back per device.</summary>
public sealed class EnergyScenario : IAsyncDisposable
{
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private int dataId;

    private EnergyScenario(ProjectionHost host) => Host = host;

    public ProjectionHost Host { get; }

    public static async Task<EnergyScenario> StartAsync() =>
        new(await ProjectionHost.StartAsync(await PostgresCluster.CreateDatabaseAsync("energy"), s =>
        {
            s.AddSingleton<IEventProcessor, EnergyProjection>();
            s.AddSingleton<IConsumptionReader, ConsumptionReader>();
        }));

    public static DateTimeOffset Plant(string wallClock) =>
        new(DateTime.ParseExact(wallClock, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Shanghai);

    public MeterReadingReceived Reading(string device, string at, decimal ep) =>
        new(device, Plant(at), "d" + Interlocked.Increment(ref dataId), new Dictionary<string, string>(), new Dictionary<string, decimal> { ["EP"] = ep });

    public Task PushAsync(params MeterReadingReceived[] readings) =>
        Host.Store.AppendAsync(new AppendRequest(readings.GroupBy(r => r.Device)
            .Select(g => new StreamAppend("readings-" + g.Key, ExpectedVersion.Any, g.Cast<object>().ToArray())).ToArray()));

    public Task AppendAsync(string stream, params object[] events) =>
        Host.Store.AppendAsync(AppendRequest.To(stream, ExpectedVersion.Any, events));

    public Task<decimal[]> ConsumptionAsync(string source, params (string From, string To)[] windows) =>
        ConsumptionAsOfAsync(null, source, windows);

    public async Task<decimal[]> ConsumptionAsOfAsync(long? sequence, string source, params (string From, string To)[] windows)
    {
        await Host.CatchUpAsync("energy");
        var spans = new Dictionary<long, IReadOnlyList<SourceSpan>> { [1] = [new SourceSpan(source, DateTimeOffset.MinValue, DateTimeOffset.MaxValue)] };
        var read = await Reader.ReadAsync(spans, windows.Select(w => new TimeWindow(Plant(w.From), Plant(w.To))).ToArray(), sequence);
        return read[1];
    }

    public IConsumptionReader Reader => Host.Services.GetRequiredService<IConsumptionReader>();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
