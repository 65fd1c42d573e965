using Dapper;
using Energy.Domain;
using Energy.Application.EventStore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Energy.Projections.Tests.Support;

/// <summary>The store, its daemon and the given projections over one test database; no HTTP.</summary>
public sealed class ProjectionHost : IAsyncDisposable
{
    private readonly IHost host;

    private ProjectionHost(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public IEventStore Store => Services.GetRequiredService<IEventStore>();

    public NpgsqlDataSource DataSource => Services.GetRequiredService<NpgsqlDataSource>();

    /// <param name="timeZone">The plant's zone (<c>Energy:TimeZone</c>).</param>
    public static async Task<ProjectionHost> StartAsync(string connectionString, Action<IServiceCollection> register, string timeZone = "Asia/Shanghai")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Energy:TimeZone"] = timeZone });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddEventStore(new ConfigurationBuilder().Build(), r => r.RegisterAll(typeof(IEvent).Assembly, t => typeof(IEvent).IsAssignableFrom(t)));
        builder.Services.PostConfigure<DaemonOptions>(o =>
        {
            o.PollInterval = TimeSpan.FromMilliseconds(20);
            o.LeaderRetry = TimeSpan.FromMilliseconds(100);
            o.RetryBackoff = TimeSpan.FromMilliseconds(5);
        });
        register(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new ProjectionHost(host);
    }

    public async Task CatchUpAsync(string projection)
    {
        var operations = Services.GetRequiredService<ProjectionOperations>();
        await using var conn = await DataSource.OpenConnectionAsync();
        for (var i = 0; i < 3000; i++)
        {
            var last = await conn.ExecuteScalarAsync<long>("SELECT coalesce(max(seq_id), 0) FROM mt_events");
            var status = (await operations.StatusAsync()).SingleOrDefault(s => s.Name == projection);
            if (status is { State: ProcessorState.Running } && status.Floor >= last)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"{projection} did not catch up");
    }

    public async Task RebuildAsync(string projection)
    {
        var operations = Services.GetRequiredService<ProjectionOperations>();
        await operations.RequestRebuildAsync(projection);
        var status = await operations.WaitForRebuildAsync(projection, null, TimeSpan.FromMilliseconds(20));
        status.State.ShouldBe(ProcessorState.Running);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
