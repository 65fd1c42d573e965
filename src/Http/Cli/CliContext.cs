using Energy.Application.Common;
using Energy.Http.Hosting;
using Spectre.Console;

namespace Energy.Http.Cli;

/// <summary>What every command shares: where to write, and how to reach the service's database.</summary>
internal sealed class CliContext(IAnsiConsole console, IConfiguration? overrides, Action<IServiceCollection>? services)
{
    public IAnsiConsole Console => console;

    /// <summary>
    /// A host with the service's configuration, database and event sourcing, but no web server. With
    /// <paramref name="daemon"/> it runs the projection daemon too, so a rebuild requested while no service is
    /// running is still carried out (by this process); otherwise it only reads.
    /// </summary>
    public async Task<RunningHost> StartHostAsync(bool daemon, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Energy:Daemon:Enabled"] = daemon ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (overrides is not null)
        {
            builder.Configuration.AddConfiguration(overrides);
        }

        builder.Logging.ClearProviders();
        builder.AddEnergyLogging(toStandardError: true);
        builder.AddEnergyDatabase(stopAdoptedCluster: false);
        builder.Services.AddEnergyEventSourcing(builder.Configuration);
        builder.Services.AddSingleton(PlantTime.ForZone(builder.Configuration["Energy:TimeZone"]));
        builder.Services.AddSingleton<IHostLifetime, CliLifetime>();
        services?.Invoke(builder.Services);

        var host = builder.Build();
        await host.StartAsync(ct);
        return new RunningHost(host);
    }

    /// <summary>Says which names exist; the caller returns <see cref="EnergyCli.UnknownName"/>.</summary>
    public int Unknown(string what, string name, IEnumerable<string> known)
    {
        console.MarkupLineInterpolated($"[red]No {what} is named '{name}'.[/] Known: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
        return EnergyCli.UnknownName;
    }

    /// <summary>Stops the host (the daemon writes its last checkpoint; a cluster this process started is stopped).</summary>
    public sealed class RunningHost(IHost host) : IAsyncDisposable
    {
        public IServiceProvider Services => host.Services;

        public T Get<T>()
            where T : notnull => host.Services.GetRequiredService<T>();

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync(CancellationToken.None);
            if (host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
            else
            {
                host.Dispose();
            }
        }
    }

    /// <summary>The command line owns Ctrl+C (it cancels the command); the host must not also react to it.</summary>
    private sealed class CliLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
