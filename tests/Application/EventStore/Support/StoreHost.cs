using Dapper;
using JasperFx.Events.Daemon;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Energy.Application.Tests.EventStore.Support;

/// <summary>A real host with the store and its daemon over one test database.</summary>
public sealed class StoreHost : IAsyncDisposable
{
    private readonly IHost host;

    private StoreHost(IHost host, string connectionString)
    {
        this.host = host;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public IServiceProvider Services => host.Services;

    public IEventStore Store => host.Services.GetRequiredService<IEventStore>();

    public ProjectionOperations Operations => host.Services.GetRequiredService<ProjectionOperations>();

    public NpgsqlDataSource DataSource => host.Services.GetRequiredService<NpgsqlDataSource>();

    /// <summary>Whether Marten's daemon on this host is the one running the shards (HotCold).</summary>
    public bool RunsShards => host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase().CurrentAgents().Count > 0;

    public static async Task<StoreHost> StartAsync(string connectionString, Action<IServiceCollection>? processors = null, Action<DaemonOptions>? tune = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddEventStore(new ConfigurationBuilder().Build(), r => r
            .Register<CounterIncremented>()
            .Register<NoteWritten>()
            .Register<PoisonPill>());
        builder.Services.PostConfigure<DaemonOptions>(o =>
        {
            o.PollInterval = TimeSpan.FromMilliseconds(20);
            o.GapThreshold = TimeSpan.FromSeconds(1);
            o.RetryBackoff = TimeSpan.FromMilliseconds(5);
            o.LeaderRetry = TimeSpan.FromMilliseconds(100);
            o.BatchSize = 500;
            tune?.Invoke(o);
        });
        processors?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new StoreHost(host, connectionString);
    }

    /// <summary>Waits until the processor has applied everything committed so far.</summary>
    public async Task CatchUpAsync(string processor, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        await using var conn = await DataSource.OpenConnectionAsync();
        while (true)
        {
            var lastCommitted = await conn.ExecuteScalarAsync<long>("SELECT coalesce(max(seq_id), 0) FROM mt_events");
            var status = (await Operations.StatusAsync()).SingleOrDefault(s => s.Name == processor);
            if (status is { State: ProcessorState.Running } && status.Floor >= lastCommitted)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{processor} stuck at {status?.Floor} (state {status?.State}), log ends at {lastCommitted}");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(stop.Token);
        host.Dispose();
    }
}

public static class CountingProjectionRegistration
{
    public static IServiceCollection AddCounting(this IServiceCollection services, CountingProjection? projection = null)
    {
        projection ??= new CountingProjection();
        services.AddSingleton<IEventProcessor>(projection);
        return services;
    }
}
