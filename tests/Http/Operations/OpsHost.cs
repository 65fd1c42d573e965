using Dapper;
using Energy.Application.EventStore;
using Energy.Http.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Energy.Http.Tests.Operations;

/// <summary>The real service plus the test projection and reactor, retrying fast so a poisoned event is found quickly.</summary>
public sealed class OpsHost : EnergyHost
{
    public IEventStore Store => Services.GetRequiredService<IEventStore>();

    /// <summary>What the CLI needs to reach this host's database, with the daemon as quick as the host's.</summary>
    public IConfiguration CliConfiguration => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Energy"] = ConnectionString,
        ["Energy:Daemon:PollInterval"] = "00:00:00.020",
        ["Energy:Daemon:LeaderRetry"] = "00:00:00.100",
    }).Build();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Energy:Daemon:RetryBackoff", "00:00:00.005");
        builder.ConfigureTestServices(TestProcessors.Register);
    }

    /// <summary>Waits (bounded) until the processor's floor reaches the newest event.</summary>
    public async Task CatchUpAsync(string processor)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var behind = await conn.ExecuteScalarAsync<bool>(
                "SELECT coalesce((SELECT last_seq_id FROM mt_event_progression WHERE name = @processor || ':All'), -1) < (SELECT coalesce(max(seq_id), 0) FROM mt_events)",
                new { processor });
            if (!behind)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{processor} did not catch up");
            }

            await Task.Delay(50);
        }
    }
}
