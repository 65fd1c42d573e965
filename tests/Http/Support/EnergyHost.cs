using Energy.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Energy.Http.Tests.Support;

/// <summary>
/// The real service in-process over a brand-new database of the test cluster, with the daemon polling
/// fast so read models catch up quickly.
/// </summary>
public class EnergyHost : WebApplicationFactory<Program>
{
    public EnergyHost()
    {
        ConnectionString = PostgresCluster.CreateDatabaseAsync("http").GetAwaiter().GetResult();
    }

    public string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Energy", ConnectionString);
        builder.UseSetting("Energy:Daemon:PollInterval", "00:00:00.020");
        builder.UseSetting("Energy:Daemon:GapThreshold", "00:00:01");
        builder.UseSetting("Energy:Daemon:LeaderRetry", "00:00:00.100");
        // A meter counts readings from its binding (now), so scenarios push readings dated days ahead;
        // the plausibility window's default (1 day) is tested by Hostile.ReadingPlausibilityTests.
        builder.UseSetting("Energy:Vendor:MaxReadingLead", "30.00:00:00");
    }
}
